using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using Microsoft.EntityFrameworkCore;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Data;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// Publishes a dataset version in one pass over the upload: each row canonicalised, salted when the
/// resource holds personal data, hashed into a streaming RFC 9162 root (memory logarithmic in the
/// row count) and written to the leaf file; then the source department's account anchors root,
/// row count and schema hash in DataRegistry. A refused or unreadable upload leaves nothing behind.
/// </summary>
/// <remarks>
/// The version is recorded <c>prepared</c> before its transaction is sent and <c>published</c> after,
/// so a crash or a failed write between the chain's write and the database's leaves a record the
/// reconciliation settles from the chain (its files are kept under the record's id until then).
/// The version number is one past the higher of the database's and the chain's, so a chain that got
/// ahead of the database never blocks the next publish. Two publishes of one resource at once: the
/// second is refused before it reaches the chain.
/// </remarks>
public sealed class DatasetPublisher(CertificateStore store, CertificateVault vault, DataRegistryClient registry, DepartmentSenders senders, DatasetFiles files, TimeProvider time, ILogger<DatasetPublisher> logger)
{
    public const int ProgressEvery = 100_000;

    public async Task<(DatasetVersionRecord? Version, string? Refusal)> PublishAsync(
        DataResourceRecord resource, Department source, DatasetReader reader, IReadOnlyList<string> authoritativeFields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reader);
        var clock = Stopwatch.StartNew();
        var id = Guid.CreateVersion7(time.GetUtcNow());
        var known = await store.DatasetVersions.Where(v => v.ResourceCode == resource.Code).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var onChain = (int)((await registry.GetResourceAsync(resource.Code))?.LatestVersion ?? 0);
        var version = Math.Max(known, onChain) + 1;
        var catalogFields = CatalogApi.FieldsOf(resource);
        var secret = catalogFields.Any(f => f.Personal == true) ? RandomNumberGenerator.GetBytes(32) : null;
        Directory.CreateDirectory(files.Folder(resource.Code));
        var leavesPath = files.Leaves(resource.Code, version);
        var contentsPath = files.Contents(resource.Code, version);
        var draft = DatasetFiles.DraftSuffix(id);
        var root = new StreamingMerkleRoot(DatasetFiles.Hasher);
        var prepared = false;
        try
        {
            await using (var leaves = new FileStream(leavesPath + draft, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            await using (var contents = new FileStream(contentsPath + draft, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await foreach (var row in reader.RowsAsync(cancellationToken))
                {
                    if (root.Count == 0 && reader.Columns.FirstOrDefault(c => catalogFields.All(f => f.Name != c)) is { } unknown)
                    {
                        throw new DatasetFormatException(1, $"column {unknown} is not a field of catalog entry {resource.Code}");
                    }

                    var leaf = DatasetRow.Leaf(DatasetFiles.Hasher, secret is null ? [] : DatasetRow.Salt(secret, root.Count), row);
                    root.Add(leaf);
                    leaves.Write(leaf);
                    contents.Write(DatasetRow.ContentDigest(row));
                    if (root.Count % ProgressEvery == 0)
                    {
                        logger.Progress(resource.Code, version, root.Count);
                    }
                }
            }

            if (root.Root() is not { } merkleRoot)
            {
                throw new DatasetFormatException(0, "the dataset has no rows");
            }

            var schemaJson = JsonSerializer.Serialize(reader.Columns);
            var schemaHash = Sm3HashFunction.Instance.Hash(JsonCanonicalizer.Canonicalize(schemaJson));
            var record = new DatasetVersionRecord
            {
                Id = id,
                ResourceCode = resource.Code,
                Version = version,
                RowCount = root.Count,
                Root = merkleRoot,
                SchemaHash = schemaHash,
                SchemaJson = schemaJson,
                HashAlgorithm = "SM3",
                SealedSaltSecret = secret is null ? null : await vault.SealSecretAsync(source.CreditCode, id, secret, cancellationToken),
                AuthoritativeFields = string.Join(',', authoritativeFields),
                PublishedBy = source.CreditCode,
                PublishedAt = time.GetUtcNow(),
                State = ChainWriteStates.Prepared,
            };
            store.DatasetVersions.Add(record);
            try
            {
                await store.SaveChangesAsync(cancellationToken);
                prepared = true;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // The unique (resource, version) index: another publish of this resource took the number first.
                store.Entry(record).State = EntityState.Detached;
                Discard(leavesPath, contentsPath, draft);
                return (null, $"another version of {resource.Code} is being published at the same moment; publish again");
            }

            var outcome = await registry.PublishVersionAsync(
                await senders.ForAsync(source), resource.Code, (uint)version, merkleRoot, (ulong)root.Count, schemaHash, HashAlgorithmId.Sm3, authoritativeFields, cancellationToken);
            string? transaction = outcome.TransactionHash;
            ulong? block = outcome.BlockNumber;
            if (!outcome.Succeeded)
            {
                // Refused: perhaps because this very version is on chain already (the reconciliation of
                // another instance sent it while this request waited). The chain decides, not the refusal.
                var anchored = await registry.GetVersionAsync(resource.Code, (uint)version);
                if (anchored is null || !anchored.Root.AsSpan().SequenceEqual(merkleRoot))
                {
                    // Only a record still prepared is removed: a reconciliation that settled it meanwhile wins.
                    await store.DatasetVersions.Where(v => v.Id == id && v.State == ChainWriteStates.Prepared).ExecuteDeleteAsync(cancellationToken);
                    store.Entry(record).State = EntityState.Detached;
                    Discard(leavesPath, contentsPath, draft);
                    return (null, outcome.Revert!.Description);
                }

                block = anchored.BlockNumber;
                transaction = await registry.FindPublishingTransactionAsync(resource.Code, (uint)version, anchored.BlockNumber);
            }

            DatasetFiles.Keep(leavesPath, contentsPath, draft);
            record.State = ChainWriteStates.Published;
            record.TransactionHash = transaction;
            record.BlockNumber = (long)block!.Value;
            record.ElapsedMilliseconds = clock.ElapsedMilliseconds;
            await store.SaveChangesAsync(cancellationToken);
            logger.Published(resource.Code, version, root.Count, Convert.ToHexStringLower(merkleRoot), block.Value, clock.ElapsedMilliseconds);
            return (record, null);
        }
        catch (Exception) when (!prepared)
        {
            // Nothing was recorded, so nothing reached the chain: the upload was unreadable, or cut off.
            Discard(leavesPath, contentsPath, draft);
            throw;
        }
    }

    private static void Discard(string leavesPath, string contentsPath, string draft)
    {
        File.Delete(leavesPath + draft);
        File.Delete(contentsPath + draft);
    }

    /// <summary>The row salts' secret of a version, or null when its rows are not salted.</summary>
    public static async Task<byte[]?> SaltSecretAsync(CertificateVault vault, DatasetVersionRecord version, CancellationToken cancellationToken) =>
        version.SealedSaltSecret is { } envelope ? await vault.OpenSecretAsync(envelope, version.Id, cancellationToken) : null;
}
