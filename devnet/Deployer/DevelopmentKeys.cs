using TrustLedger.Ledger.Chain;

namespace TrustLedger.Deployer;

/// <summary>
/// DEVELOPMENT ONLY. These are the publicly known keys of Anvil's default mnemonic
/// ("test test ... junk"). Anyone can sign with them: never register them on a shared chain.
/// </summary>
public static class DevelopmentKeys
{
    /// <summary>Anvil account 0: the governance admin (the city's big-data bureau) on the devnet.</summary>
    public const string GovernanceAdminHex = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static SigningKey GovernanceAdmin { get; } = new(GovernanceAdminHex);

    /// <summary>Anvil account 1: the demo issuing department's anchoring account.</summary>
    public const string DemoDepartmentHex = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public static SigningKey DemoDepartment { get; } = new(DemoDepartmentHex);

    /// <summary>Anvil account 2: a second department, used by tests of authorisation.</summary>
    public const string OtherDepartmentHex = "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    public static SigningKey OtherDepartment { get; } = new(OtherDepartmentHex);
}
