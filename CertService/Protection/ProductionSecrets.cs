using TrustLedger.Ledger.Hosting;

namespace TrustLedger.CertService.Protection;

/// <summary>
/// CertService's secrets, each refused in Production when missing or when it is the development
/// value published in CertService/appsettings.Development.json and the devnet scripts.
/// </summary>
public static class ProductionSecrets
{
    public static IReadOnlyList<DevelopmentSecrets.Rule> Rules { get; } =
    [
        DevelopmentSecrets.Secret("Keystore:Passphrase", "dev-only-keystore-passphrase"),
        DevelopmentSecrets.WorkFactor("Keystore:ScryptN"),
        DevelopmentSecrets.Secret("Storage:LookupKey", "ZGV2LW9ubHktbG9va3VwLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24h"),
        DevelopmentSecrets.KeyHash("Access:AdminApiKeySha256", "dev-admin-key"),
        DevelopmentSecrets.KeyHash("Access:VerifierApiKeySha256", "dev-verifier-service-key"),
        DevelopmentSecrets.Deployment("Chain:DeploymentFile"),
    ];
}
