using TrustLedger.Ledger.Chain;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the bundle names the chain and contracts this Verifier trusts and the node it asks
/// is that chain. A bundle pointing at a look-alike contract deployed by anyone else fails here.
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

        if (anchor.ChainId != trusted.ChainId
            || !string.Equals(anchor.Contract, trusted.CertificateAnchor, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(anchor.Registry, trusted.IssuerRegistry, StringComparison.OrdinalIgnoreCase))
        {
            return CheckResult.Fail(Name, $"the bundle names chain {anchor.ChainId}, anchor {anchor.Contract} and registry {anchor.Registry}; trusted are chain {trusted.ChainId}, anchor {trusted.CertificateAnchor}, registry {trusted.IssuerRegistry}");
        }

        return CheckResult.Pass(Name, $"chain {trusted.ChainId}, anchor contract {trusted.CertificateAnchor}, registry {trusted.IssuerRegistry}");
    }
}
