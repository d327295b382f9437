using TrustLedger.Ledger.Hosting;

namespace TrustLedger.Verifier;

/// <summary>
/// The Verifier's secrets, each refused in Production when missing or when it is the development
/// value published in Verifier/appsettings.Development.json; and the deployment it trusts, refused
/// when Anvil's public account 0 governs it (anyone could then register an issuer).
/// </summary>
public static class ProductionSecrets
{
    public static IReadOnlyList<DevelopmentSecrets.Rule> Rules { get; } =
    [
        DevelopmentSecrets.Secret("Receipts:Passphrase", "dev-only-verifier-passphrase"),
        DevelopmentSecrets.WorkFactor("Receipts:ScryptN"),
        DevelopmentSecrets.Secret("CertService:ApiKey", "dev-verifier-service-key"),
        DevelopmentSecrets.Deployment("Chain:DeploymentFile"),
    ];
}
