using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the account that anchored the root is the department registered with the credit
/// code the certificate names as its issuer: a department cannot issue in another's name.
/// </summary>
public sealed class IssuerIdentityCheck(ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "issuer-identity";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [AnchorCheck.CheckName];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        var account = evidence.Anchor!.Issuer;
        var department = await chain.DepartmentAsync(account);
        var claimed = evidence.IssuerCode;
        if (department.RegisteredAtBlock == 0)
        {
            return CheckResult.Fail(Name, $"the anchoring account {account} is not a registered department");
        }

        return string.Equals(department.CreditCode, claimed, StringComparison.Ordinal)
            ? CheckResult.Pass(Name, $"anchored by {department.Name} ({department.CreditCode}), the issuer the certificate names")
            : CheckResult.Fail(Name, $"the certificate names issuer {claimed ?? "(none)"} but was anchored by {department.Name} ({department.CreditCode})");
    }
}
