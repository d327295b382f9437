using TrustLedger.Ledger.Chain;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the bundle names the chain and contracts this Verifier trusts and the node it asks
/// is that chain: its chain id and, when the deployment file records one, its genesis block's hash
/// (another network started with the same chain id, or a node reset and redeployed to the same
/// addresses, has another genesis). A bundle pointing at a look-alike contract deployed by anyone
/// else fails here.
/// </summary>
public sealed class TrustedDeploymentCheck(DeploymentRecord trusted, ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "trusted-deployment";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        var anchor = evidence.Bundle.Anchor;
        var nodeChainId = await chain.ChainIdAsync();
        if (nodeChainId != trusted.ChainId)
        {
            return CheckResult.Fail(Name, $"the configured node is chain {nodeChainId}, not the trusted chain {trusted.ChainId}");
        }

        if (!string.IsNullOrEmpty(trusted.GenesisHash) && await chain.GenesisHashAsync() is var genesis
            && !string.Equals(genesis, trusted.GenesisHash, StringComparison.OrdinalIgnoreCase))
        {
            return CheckResult.Fail(Name, $"the configured node's genesis block is {(genesis.Length > 0 ? genesis : "missing")}, not the trusted chain's {trusted.GenesisHash}");
        }

        if (anchor.ChainId != trusted.ChainId
            || !string.Equals(anchor.Contract, trusted.CertificateAnchor, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(anchor.Registry, trusted.IssuerRegistry, StringComparison.OrdinalIgnoreCase))
        {
            return CheckResult.Fail(Name, $"the bundle names chain {anchor.ChainId}, anchor {anchor.Contract} and registry {anchor.Registry}; trusted are chain {trusted.ChainId}, anchor {trusted.CertificateAnchor}, registry {trusted.IssuerRegistry}");
        }

        return CheckResult.Pass(Name, $"chain {trusted.ChainId}{(string.IsNullOrEmpty(trusted.GenesisHash) ? "" : $" (genesis {trusted.GenesisHash})")}, anchor contract {trusted.CertificateAnchor}, registry {trusted.IssuerRegistry}");
    }
}
