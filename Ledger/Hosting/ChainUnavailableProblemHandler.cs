using Microsoft.AspNetCore.Http;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Hosting;

/// <summary>
/// The chain node's outage wherever it surfaces (a seal lookup during issuance, a bulk import, any
/// chain read an endpoint does not handle itself): 503 <c>chain-unavailable</c>.
/// </summary>
public sealed class ChainUnavailableProblemHandler(IProblemDetailsService problems) : UnavailableProblemHandler(problems)
{
    protected override string Code => "chain-unavailable";

    protected override string Title => "Chain unavailable";

    protected override string Detail => "The chain node did not answer; nothing was stored. Retry later.";

    protected override bool IsOutage(Exception exception) => exception is ChainUnavailableException;
}
