using Microsoft.AspNetCore.Http;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.ServiceDefaults;

/// <summary>
/// The chain node's outage wherever it surfaces (a seal lookup during issuance, a bulk import, any
/// chain read an endpoint does not handle itself): 503 <c>chain-unavailable</c>.
/// </summary>
public sealed class ChainUnavailableProblemHandler(IProblemDetailsService problems) : UnavailableProblemHandler(problems)
{
    protected override ProblemKind Kind => ProblemCatalog.ChainUnavailable;

    protected override string ChineseDetail => "区块链节点未应答，本次请求未保存任何内容，请稍后重试。";

    protected override string EnglishDetail => "The chain node did not answer; nothing was stored. Retry later.";

    protected override bool IsOutage(Exception exception) => exception is ChainUnavailableException;
}
