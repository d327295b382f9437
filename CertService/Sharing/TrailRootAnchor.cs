using TrustLedger.CertService.Departments;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// Anchors the Merkle root of a batch of audit-trail lines in AuditTrail with governance's
/// recorder key. A root already on chain (sent before a crash, or by a racing instance) is
/// recorded from the chain instead of sent again.
/// </summary>
public sealed class TrailRootAnchor(AuditTrailClient trail, GovernanceSender governance)
{
    public async Task<(string? Transaction, ulong Block)> AnchorAsync(byte[] root, string kind, int count, CancellationToken cancellationToken)
    {
        if (await trail.GetAsync(root) is { } existing)
        {
            return (null, existing.BlockNumber);
        }

        var sender = await governance.SenderAsync(cancellationToken);
        var outcome = await trail.AnchorAsync(sender, root, kind, (uint)count, HashAlgorithmId.Sm3, cancellationToken);
        if (outcome.Succeeded)
        {
            return (outcome.TransactionHash, outcome.BlockNumber!.Value);
        }

        return await trail.GetAsync(root) is { } raced
            ? (null, raced.BlockNumber)
            : throw new InvalidOperationException($"AuditTrail refused the {kind} root: {outcome.Revert?.Description}");
    }
}
