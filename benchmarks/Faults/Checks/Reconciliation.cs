using System.Globalization;
using Npgsql;
using TrustLedger.Faults.Load;
using TrustLedger.Faults.Stack;

namespace TrustLedger.Faults.Checks;

/// <summary>
/// The independent reconciliation: reads the database with plain SQL and the chain with plain
/// JSON-RPC (nothing of CertService's own code), and holds both to what the services acknowledged.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every acknowledged certificate is anchored exactly once: it sits in one batch, its proof
/// leads to that batch's root, and that root is anchored under its department's account with the
/// batch's leaf count.</item>
/// <item>No root is anchored twice, and no batch is orphaned (fewer certificates point to it than
/// its leaf count says), stuck, or unknown to the chain, nor the chain's anchors unknown to the database.</item>
/// <item>Every acknowledged status change is on chain under its id with its status, or reported
/// failed or refused with a reason; and every certificate's status on chain is what its recorded
/// changes say (none silently reversed).</item>
/// <item>Database and chain agree on every dataset version, and on the latest one.</item>
/// </list>
/// </remarks>
public sealed class Reconciliation(string connectionString, ChainNode chain, Deployment deployment, IReadOnlyList<Department> departments)
{
    private static readonly string BatchAnchoredTopic = Abi.Topic("BatchAnchored(bytes32,address,uint256,uint32,uint8,bytes32[])");

    public async Task<Findings> CheckAsync(Acknowledged acknowledged, IReadOnlySet<Guid> poisoned)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        var findings = new Findings();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var accounts = departments.ToDictionary(d => d.CreditCode, d => d.Account, StringComparer.Ordinal);
        var batches = await BatchesAsync(db);
        var certificates = await CertificatesAsync(db);
        var members = certificates.Values.Where(c => c.BatchId is not null).GroupBy(c => c.BatchId!.Value).ToDictionary(g => g.Key, g => g.ToList());

        await CheckBatchesAsync(findings, batches, members, accounts);
        CheckCertificates(findings, acknowledged, poisoned, certificates, batches);
        await CheckStatusChangesAsync(findings, db, acknowledged, certificates, accounts);
        await CheckDatasetsAsync(findings, db, acknowledged);
        return findings;
    }

    private async Task CheckBatchesAsync(Findings findings, Dictionary<Guid, Batch> batches, Dictionary<Guid, List<Certificate>> members, Dictionary<string, string> accounts)
    {
        var head = await chain.HeadAsync();
        var events = await chain.LogsAsync(deployment.CertificateAnchor, BatchAnchoredTopic, deployment.DeployedAtBlock, head);
        var anchored = events.GroupBy(e => (Root: e["topics"]![1]!.GetValue<string>()[2..], Issuer: e["topics"]![2]!.GetValue<string>()[26..]))
            .ToDictionary(g => g.Key, g => g.Count());
        findings.RootsAnchoredTwice = anchored.Count(a => a.Value > 1);
        var ours = accounts.Values.Select(a => a[2..].ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var known = batches.Values.Select(b => (Convert.ToHexStringLower(b.Root), accounts[b.IssuerCode][2..].ToLowerInvariant())).ToHashSet();
        findings.AnchorsUnknownToTheDatabase = anchored.Keys.Count(k => ours.Contains(k.Issuer) && !known.Contains(k));

        foreach (var batch in batches.Values)
        {
            findings.Batches++;
            var count = members.GetValueOrDefault(batch.Id)?.Count ?? 0;
            if (count != batch.LeafCount)
            {
                findings.Add(nameof(Findings.OrphanedBatches), $"batch {batch.Id}: {count} certificates point to it, its tree has {batch.LeafCount} leaves");
                findings.OrphanedBatches++;
            }

            switch (batch.State)
            {
                case 0:
                    findings.Add(nameof(Findings.BatchesNotSettled), $"batch {batch.Id} is still prepared");
                    findings.BatchesNotSettled++;
                    break;
                case 1:
                    var words = Abi.Words(await chain.EthCallAsync(deployment.CertificateAnchor,
                        Abi.Call("anchorOf(address,bytes32)", Abi.Address(accounts[batch.IssuerCode]), Abi.Bytes32(batch.Root))));
                    if (Abi.ToUlong(words[1]) == 0 || Abi.ToUlong(words[3]) != (ulong)batch.LeafCount)
                    {
                        findings.Add(nameof(Findings.BatchesNotOnChain), $"batch {batch.Id} is recorded anchored but its department's account has no anchor of its root with {batch.LeafCount} leaves");
                        findings.BatchesNotOnChain++;
                    }

                    break;
                default:
                    findings.BatchesRefusedOrQuarantined++;
                    break;
            }
        }
    }

    private static void CheckCertificates(Findings findings, Acknowledged acknowledged, IReadOnlySet<Guid> poisoned, Dictionary<Guid, Certificate> certificates, Dictionary<Guid, Batch> batches)
    {
        foreach (var ack in acknowledged.Certificates.Values)
        {
            findings.CertificatesAcknowledged++;
            if (!certificates.TryGetValue(ack.Id, out var certificate))
            {
                findings.Add(nameof(Findings.CertificatesLost), $"certificate {ack.Id} ({ack.Kind}, via {ack.Instance}) is not in the database");
                findings.CertificatesLost++;
                continue;
            }

            if (certificate.Status != 1 || certificate.BatchId is not { } batchId || batches[batchId].State != 1)
            {
                findings.Add(nameof(Findings.CertificatesLost), $"certificate {ack.Id} ({ack.Kind}, via {ack.Instance}) is not anchored (status {certificate.Status}: {certificate.LastFailure})");
                findings.CertificatesLost++;
                continue;
            }

            var batch = batches[batchId];
            var path = Enumerable.Range(0, certificate.ProofPath!.Length / 32).Select(i => certificate.ProofPath[(i * 32)..((i + 1) * 32)]).ToList();
            var root = Sm3.RootOf(certificate.LeafHash!, certificate.LeafIndex!.Value, batch.LeafCount, path);
            if (batch.HashAlgorithm != "SM3" || root is null || !root.AsSpan().SequenceEqual(batch.Root))
            {
                findings.Add(nameof(Findings.ProofsNotLeadingToTheRoot), $"certificate {ack.Id}: its proof does not lead to its batch's root");
                findings.ProofsNotLeadingToTheRoot++;
                continue;
            }

            findings.CertificatesAnchoredOnce++;
        }

        foreach (var id in poisoned)
        {
            if (certificates.TryGetValue(id, out var poison) && poison.Status == 3 && !string.IsNullOrEmpty(poison.LastFailure))
            {
                findings.PoisonQuarantined++;
            }
            else
            {
                findings.Add(nameof(Findings.PoisonNotQuarantined), $"poison certificate {id} is not quarantined with a reason");
                findings.PoisonNotQuarantined++;
            }
        }
    }

    private async Task CheckStatusChangesAsync(Findings findings, NpgsqlConnection db, Acknowledged acknowledged, Dictionary<Guid, Certificate> certificates, Dictionary<string, string> accounts)
    {
        var changes = new Dictionary<Guid, Change>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", "CertificateId", "Status", "State", "RefusalReason", "EffectiveAt", "RequestedAt" FROM status_changes""", db))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                changes[reader.GetGuid(0)] = new Change(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6));
            }
        }

        var histories = new Dictionary<Guid, List<ChainChange>>();
        foreach (var certificateId in acknowledged.StatusChanges.Values.Select(c => c.CertificateId).Distinct())
        {
            var certificate = certificates[certificateId];
            var key = Sm3.Hash(Abi.Utf8("trustledger.status.v1"), certificate.Salt, Abi.Utf8(certificate.Identifier));
            histories[certificateId] = ReadHistory(await chain.EthCallAsync(deployment.CertificateStatus, Abi.Call("historyOf(address,bytes32)", Abi.Address(accounts[certificate.IssuerCode]), Abi.Bytes32(key))));
        }

        foreach (var ack in acknowledged.StatusChanges.Values)
        {
            findings.StatusChangesAcknowledged++;
            if (!changes.TryGetValue(ack.Id, out var change))
            {
                findings.Add(nameof(Findings.StatusChangesLost), $"status change {ack.Id} ({ack.Status}) is not in the database");
                findings.StatusChangesLost++;
                continue;
            }

            var changeId = Sm3.Hash(Abi.Utf8("trustledger.status-change.v1"), ack.Id.ToByteArray(bigEndian: true));
            var onChain = histories[ack.CertificateId].FirstOrDefault(c => c.ChangeId.AsSpan().SequenceEqual(changeId));
            switch (change.State)
            {
                case "anchored" when onChain is not null && onChain.Status == change.Status:
                    findings.StatusChangesOnChain++;
                    if (onChain.EffectiveAt > onChain.RequestedEffectiveAt)
                    {
                        findings.StatusChangesRecordedLaterThanAsked++;
                    }

                    break;
                case "refused" or "failed" when !string.IsNullOrWhiteSpace(change.Reason):
                    findings.StatusChangesReportedFailed++;
                    findings.Add(nameof(Findings.StatusChangesReportedFailed), $"status change {ack.Id} ({ack.Status}): {change.State}: {change.Reason}");
                    break;
                default:
                    findings.Add(nameof(Findings.StatusChangesLost), $"status change {ack.Id} ({ack.Status}) is {change.State} in the database, {(onChain is null ? "not on chain" : "on chain as " + onChain.Status)}");
                    findings.StatusChangesLost++;
                    break;
            }
        }

        // None silently reversed: the chain's current status is what the anchored changes, in order, lead to.
        foreach (var (certificateId, history) in histories)
        {
            var recorded = changes.Values.Where(c => c.CertificateId == certificateId && c.State == "anchored").OrderBy(c => c.EffectiveAt).ThenBy(c => c.RequestedAt).ToList();
            var expected = recorded.Count == 0 ? 0 : recorded[^1].Status;
            var actual = history.Count == 0 ? 0 : history[^1].Status;
            if (expected != actual || certificates[certificateId].Lifecycle != actual && !changes.Values.Any(c => c.CertificateId == certificateId && c.State == "pending"))
            {
                findings.Add(nameof(Findings.StatusesReversed), $"certificate {certificateId}: chain says {actual}, its recorded changes say {expected}, its mirror {certificates[certificateId].Lifecycle}");
                findings.StatusesReversed++;
            }
        }
    }

    private async Task CheckDatasetsAsync(Findings findings, NpgsqlConnection db, Acknowledged acknowledged)
    {
        var versions = new List<(string Resource, int Version, byte[] Root, long Rows, string State)>();
        await using (var command = new NpgsqlCommand("""SELECT "ResourceCode", "Version", "Root", "RowCount", "State" FROM dataset_versions""", db))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions.Add((reader.GetString(0), reader.GetInt32(1), (byte[])reader[2], reader.GetInt64(3), reader.GetString(4)));
            }
        }

        foreach (var resource in versions.Select(v => v.Resource).Distinct())
        {
            var id = Abi.Bytes32(Sm3.Hash(Abi.Utf8(resource)));
            var latest = Abi.ToUlong(Abi.Words(await chain.EthCallAsync(deployment.DataRegistry, Abi.Call("resourceOf(bytes32)", id)))[3]);
            var published = versions.Where(v => v.Resource == resource && v.State == "published").ToList();
            if ((ulong)published.Select(v => v.Version).DefaultIfEmpty(0).Max() != latest || published.Count != (int)latest)
            {
                findings.Add(nameof(Findings.DatasetVersionsOutOfStep), $"{resource}: the chain's latest version is {latest}, the database has {published.Count} published up to {published.Select(v => v.Version).DefaultIfEmpty(0).Max()}");
                findings.DatasetVersionsOutOfStep++;
            }

            foreach (var version in versions.Where(v => v.Resource == resource))
            {
                var words = Abi.Words(await chain.EthCallAsync(deployment.DataRegistry, Abi.Call("versionOf(bytes32,uint32)", id, Abi.Word((ulong)version.Version))));
                var agrees = version.State == "published" && Abi.ToBytes(words[0]).AsSpan().SequenceEqual(version.Root) && Abi.ToUlong(words[2]) == (ulong)version.Rows;
                if (agrees)
                {
                    findings.DatasetVersionsAgreeing++;
                }
                else
                {
                    findings.Add(nameof(Findings.DatasetVersionsOutOfStep), $"{resource} version {version.Version} is {version.State} in the database and does not match the chain");
                    findings.DatasetVersionsOutOfStep++;
                }
            }
        }

        foreach (var ((resource, version), root) in acknowledged.DatasetVersions)
        {
            findings.DatasetVersionsAcknowledged++;
            if (!versions.Any(v => v.Resource == resource && v.Version == version && v.State == "published" && Convert.ToHexStringLower(v.Root) == root))
            {
                findings.Add(nameof(Findings.DatasetVersionsOutOfStep), $"{resource} version {version} was acknowledged but is not published with its root");
                findings.DatasetVersionsOutOfStep++;
            }
        }
    }

    // historyOf(address, bytes32) returns Change[], Change = (uint8, uint16, uint64 effectiveAt, uint64 requested, uint64 block, uint64 timestamp, bytes32 id).
    private static List<ChainChange> ReadHistory(string answer)
    {
        var words = Abi.Words(answer);
        var offset = (int)(Abi.ToUlong(words[0]) / 32);
        var count = (int)Abi.ToUlong(words[offset]);
        return Enumerable.Range(0, count).Select(i => words.Skip(offset + 1 + (i * 7)).Take(7).ToArray())
            .Select(w => new ChainChange((int)Abi.ToUlong(w[0]), Abi.ToUlong(w[2]), Abi.ToUlong(w[3]), Abi.ToBytes(w[6]))).ToList();
    }

    private static async Task<Dictionary<Guid, Batch>> BatchesAsync(NpgsqlConnection db)
    {
        var batches = new Dictionary<Guid, Batch>();
        await using var command = new NpgsqlCommand("""SELECT "Id", "IssuerCode", "Root", "LeafCount", "HashAlgorithm", "State" FROM anchor_batches""", db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            batches[reader.GetGuid(0)] = new Batch(reader.GetGuid(0), reader.GetString(1), (byte[])reader[2], reader.GetInt32(3), reader.GetString(4), reader.GetInt32(5));
        }

        return batches;
    }

    private static async Task<Dictionary<Guid, Certificate>> CertificatesAsync(NpgsqlConnection db)
    {
        var certificates = new Dictionary<Guid, Certificate>();
        await using var command = new NpgsqlCommand(
            """SELECT "Id", "Identifier", "Status", "BatchId", "LeafHash", "LeafIndex", "ProofPath", "Salt", "Lifecycle", "LastFailure", "IssuerCode" FROM certificates""", db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            certificates[reader.GetGuid(0)] = new Certificate(
                reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : (byte[])reader[4],
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : (byte[])reader[6], (byte[])reader[7], reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(10));
        }

        return certificates;
    }

    private sealed record Batch(Guid Id, string IssuerCode, byte[] Root, int LeafCount, string HashAlgorithm, int State);

    private sealed record Certificate(Guid Id, string Identifier, int Status, Guid? BatchId, byte[]? LeafHash, long? LeafIndex, byte[]? ProofPath, byte[] Salt, int Lifecycle, string? LastFailure, string IssuerCode);

    private sealed record Change(Guid Id, Guid CertificateId, int Status, string State, string? Reason, long EffectiveAt, long RequestedAt);

    private sealed record ChainChange(int Status, ulong EffectiveAt, ulong RequestedEffectiveAt, byte[] ChangeId);
}

/// <summary>The contracts' addresses, from the deployer's record.</summary>
public sealed record Deployment(string CertificateAnchor, string CertificateStatus, string DataRegistry, ulong DeployedAtBlock)
{
    public static Deployment Load(string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        return new Deployment(
            root.GetProperty("certificateAnchor").GetString()!, root.GetProperty("certificateStatus").GetString()!, root.GetProperty("dataRegistry").GetString()!,
            root.GetProperty("deployedAtBlock").GetUInt64());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"anchor {CertificateAnchor}, status {CertificateStatus}, data {DataRegistry}");
}
