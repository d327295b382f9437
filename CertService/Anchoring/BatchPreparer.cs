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
/// <remarks>
/// On PostgreSQL the rows are locked as they are read (<c>FOR UPDATE SKIP LOCKED</c>), so two
/// instances cutting at once take disjoint rows; on either store the membership is written only
/// where no batch was set yet, and the transaction is rolled back unless every row was still free.
/// A certificate is therefore a leaf of exactly one batch, and no batch is left without its leaves.
/// </remarks>
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

    /// <summary>The hash algorithms of one department's certificates waiting for a batch.</summary>
    public async Task<List<string>> WaitingAlgorithmsAsync(string issuerCode, CancellationToken cancellationToken) =>
        await store.Certificates
            .Where(c => c.Status == CertificateStatus.Pending && c.BatchId == null && c.LeafHash != null && c.IssuerCode == issuerCode)
            .Select(c => c.HashAlgorithm).Distinct().ToListAsync(cancellationToken);

    public async Task<AnchorBatchRecord?> PrepareAsync(string issuerCode, string hashAlgorithm, CancellationToken cancellationToken)
    {
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        var certificates = await FreeCertificatesAsync(issuerCode, hashAlgorithm, cancellationToken);
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
        await store.SaveChangesAsync(cancellationToken);

        var ids = certificates.Select(c => c.Id).ToList();
        var claimed = await store.Certificates
            .Where(c => ids.Contains(c.Id) && c.BatchId == null && c.Status == CertificateStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.BatchId, batch.Id), cancellationToken);
        if (claimed != certificates.Count)
        {
            // Another instance batched some of them between the read and now: nothing of this batch is kept.
            await transaction.RollbackAsync(cancellationToken);
            store.ChangeTracker.Clear();
            return null;
        }

        for (var i = 0; i < certificates.Count; i++)
        {
            certificates[i].BatchId = batch.Id;
            certificates[i].LeafIndex = i;
            certificates[i].ProofPath = tree.ProveInclusion(i).Path.SelectMany(p => p).ToArray();
        }

        await store.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    // PostgreSQL locks what it reads, skipping rows another transaction holds; SQLite serves one instance.
    private async Task<List<CertificateRecord>> FreeCertificatesAsync(string issuerCode, string hashAlgorithm, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxLeaves;
        if (store is PostgresCertificateStore)
        {
            return await store.Certificates.FromSqlInterpolated($"""
                SELECT * FROM certificates
                WHERE "Status" = {(int)CertificateStatus.Pending} AND "BatchId" IS NULL AND "LeafHash" IS NOT NULL AND "IssuerCode" = {issuerCode} AND "HashAlgorithm" = {hashAlgorithm}
                ORDER BY "AcceptedAt", "Id"
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        }

        return await store.Certificates
            .Where(c => c.Status == CertificateStatus.Pending && c.BatchId == null && c.LeafHash != null && c.IssuerCode == issuerCode && c.HashAlgorithm == hashAlgorithm)
            .OrderBy(c => c.AcceptedAt).ThenBy(c => c.Id).Take(limit)
            .ToListAsync(cancellationToken);
    }
}
