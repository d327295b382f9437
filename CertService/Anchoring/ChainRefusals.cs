using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Anchoring;

/// <summary>How a chain refusal is handled: given up on, retried until it passes, or retried a limited number of times.</summary>
public enum RefusalKind
{
    /// <summary>The chain will refuse it whatever happens next (an invalid transition, a revoked type): refused for good, with the reason.</summary>
    Permanent,

    /// <summary>It will pass once something outside the record changes (the sender is allowlisted, the department is active again): retried, never quarantined.</summary>
    Transient,

    /// <summary>Nobody can name why (an unknown revert, a revert without data): retried, and quarantined after too many tries.</summary>
    Unexplained,
}

/// <summary>
/// Tells transient chain refusals from permanent ones. A refusal is named by the contract's custom
/// error; <c>TypeNotGranted</c> means either that the department is suspended (transient) or that
/// it lost the type (permanent), so the registry is asked which.
/// </summary>
public sealed class ChainRefusals(IssuerRegistryClient registry)
{
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        TransactionOutcome.SenderNotAllowlistedError,
        TransactionOutcome.NodeRefusedError,
        TransactionOutcome.ReplacedError,
        "NotADepartment",
        // The governance key lacks the registrar role: a deployment fault that an operator fixes.
        "NotTheRegistrar",
    };

    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "ZeroRoot", "EmptyBatch", "NoTypesDeclared", "UnsupportedHashAlgorithm",
        "InvalidTransition", "NotTheIssuer", "ZeroChangeId",
    };

    public async Task<RefusalKind> ClassifyAsync(ContractRevert revert, string account)
    {
        ArgumentNullException.ThrowIfNull(revert);
        if (Transient.Contains(revert.ErrorName))
        {
            return RefusalKind.Transient;
        }

        if (Permanent.Contains(revert.ErrorName))
        {
            return RefusalKind.Permanent;
        }

        if (revert.ErrorName == "TypeNotGranted")
        {
            return (await registry.GetDepartmentAsync(account)).Active ? RefusalKind.Permanent : RefusalKind.Transient;
        }

        return RefusalKind.Unexplained;
    }

    /// <summary>Whether the department is active, and the types of <paramref name="typeCodes"/> it does not hold, at one block.</summary>
    public Task<(bool Active, IReadOnlyList<string> NotHeld)> HoldingsAsync(string account, IEnumerable<string> typeCodes) =>
        registry.HoldingsAsync(account, typeCodes);
}
