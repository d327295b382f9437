using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Anchoring.Accounts;

/// <summary>
/// Whether an account has a transaction that may still be mined: one in the node's pool, or one the
/// shared send journal holds signed with a nonce the chain has not reached (a node that lost it is
/// sent it again by the account's next send). While one is unresolved, a chain-first write that the
/// chain does not show yet is not given up: the transaction that makes it may still land.
/// </summary>
public sealed class UnresolvedSends(CertificateStore store, ChainReader chain)
{
    public async Task<bool> AnyAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = account.ToLowerInvariant();
        var journaled = await store.ChainAccounts.AsNoTracking().Where(a => a.Account == key).Select(a => (long?)a.NextNonce).SingleOrDefaultAsync(cancellationToken) ?? -1;
        var mined = await chain.GetTransactionCountAsync(account, pending: false);
        return journaled > mined || await chain.GetTransactionCountAsync(account, pending: true) > mined;
    }
}
