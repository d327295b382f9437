using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// Step 1 of anchoring: cut a batch of one department's sealed pending certificates, build its Merkle
/// tree and record every proof, all in one database transaction. After this commit the batch's
/// membership never changes, so a crash at any later point resumes with the same root.
/// </summary>
public sealed class BatchPreparer(CertificateStore store, IOptions<AnchoringOptions> options, TimeProvider time)
{
    /// <summary>The (issuer, hash algorithm) groups that have certificates waiting for a batch.</summary>
    public async Task<List<(string IssuerCode, string HashAlgorithm)>> WaitingGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = await store.Certificates
            .Where(c => c.Status == CertificateStatus.Pending && c.BatchId == null && c.LeafHash != null)
            .Select(c => new { c.IssuerCode, c.HashAlgorithm })
            .Distinct()
            .ToListAsync(cancellationToken);
        return groups.Select(g => (g.IssuerCode, g.HashAlgorithm)).ToList();
    }

    public async Task<AnchorBatchRecord?> PrepareAsync(string issuerCode, string hashAlgorithm, CancellationToken cancellationToken)
    {
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        var certificates = await store.Certificates
            .Where(c => c.Status == CertificateStatus.Pending && c.BatchId == null && c.LeafHash != null && c.IssuerCode == issuerCode && c.HashAlgorithm == hashAlgorithm)
            .OrderBy(c => c.AcceptedAt)
            .ThenBy(c => c.Id)
            .Take(options.Value.MaxLeaves)
            .ToListAsync(cancellationToken);
        if (certificates.Count == 0)
        {
            return null;
        }

        var hash = HashFunctions.ByName(hashAlgorithm);
        var tree = MerkleTree.Build(new MerkleHasher(hash), certificates.Select(c => c.LeafHash!).ToList());
        var batch = new AnchorBatchRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            IssuerCode = issuerCode,
            Root = tree.Root,
            LeafCount = certificates.Count,
            HashAlgorithm = hash.Name,
            TypeCodes = string.Join(',', certificates.Select(c => c.TypeCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            State = AnchorBatchState.Prepared,
            PreparedAt = time.GetUtcNow(),
        };
        store.Batches.Add(batch);
        for (var i = 0; i < certificates.Count; i++)
        {
            var proof = tree.ProveInclusion(i);
            certificates[i].BatchId = batch.Id;
            certificates[i].LeafIndex = i;
            certificates[i].ProofPath = proof.Path.SelectMany(p => p).ToArray();
        }

        await store.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }
}
