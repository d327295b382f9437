using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Data;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.DataTrust;

// Behind the Besu-rules proxy: a sender can be taken off the accounts allowlist, as on a Besu network.
public sealed class DataTrustTests_Sqlite(BesuLikeNode anvil) : DataTrustTests(anvil, StorageProvider.Sqlite), IClassFixture<BesuLikeNode>;

public sealed class DataTrustTests_Postgres(BesuLikeNode anvil) : DataTrustTests(anvil, StorageProvider.Postgres), IClassFixture<BesuLikeNode>;

/// <summary>
/// Shared data: the market regulator (demo department) is the source of company registrations;
/// the tax bureau (the other department) is authoritative for one field of it.
/// </summary>
public abstract class DataTrustTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    private readonly string _resource = "XA-ENTREG-" + Guid.NewGuid().ToString("N")[..6];

    private DataRegistryClient Chain => new(Anvil.Chain.Web3, Anvil.Deployment.DataRegistry!);

    [Fact]
    public async Task Every_row_of_a_published_version_verifies_against_the_root_anchored_by_the_source()
    {
        using var source = await SetUpAsync();
        var rows = Rows(50);

        var published = await PublishAsync(source, Csv(rows));

        Assert.Equal(50, published.GetProperty("rowCount").GetInt64());
        Assert.True(published.GetProperty("salted").GetBoolean()); // the resource holds personal data
        var onChain = await Chain.GetVersionAsync(_resource, 1);
        Assert.Equal(published.GetProperty("root").GetString(), Convert.ToHexStringLower(onChain!.Root));
        var hasher = new MerkleHasher(Sm3HashFunction.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            var proof = await source.GetFromJsonAsync<JsonElement>($"/api/v1/data/resources/{_resource}/versions/1/rows/{i}/proof");
            var leaf = DatasetRow.Leaf(hasher, Convert.FromHexString(proof.GetProperty("salt").GetString()!), Canonical(rows[i]));
            var path = proof.GetProperty("path").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
            Assert.True(InclusionProofVerifier.Verify(hasher, leaf, new InclusionProof(i, rows.Count, path), onChain.Root), $"row {i}");
        }

        var good = await (await source.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/7/verify", rows[7])).Content.ReadFromJsonAsync<JsonElement>();
        var altered = new Dictionary<string, string>(rows[7]) { ["companyName"] = "伪造公司" };
        var bad = await (await source.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/7/verify", altered)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.False(bad.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_received_file_is_checked_whole_and_changed_added_or_removed_rows_are_located()
    {
        using var source = await SetUpAsync();
        var rows = Rows(30);
        await PublishAsync(source, Csv(rows));

        var same = await CheckAsync(source, Csv(rows));
        var changedRows = rows.Select((r, i) => i == 12 ? new Dictionary<string, string>(r) { ["registeredCapital"] = "9999万元" } : r).ToList();
        var changed = await CheckAsync(source, Csv(changedRows));
        var added = await CheckAsync(source, Csv([.. rows, Row(99)]));
        var removed = await CheckAsync(source, Csv(rows.Where((_, i) => i != 4).ToList()));

        Assert.True(same.GetProperty("matches").GetBoolean());
        Assert.False(changed.GetProperty("matches").GetBoolean());
        var changedRow = Assert.Single(changed.GetProperty("changed").EnumerateArray());
        Assert.Equal(12, changedRow.GetProperty("index").GetInt64());
        Assert.Equal(changed.GetProperty("anchoredRoot").GetString(), changedRow.GetProperty("anchoredLeaf").GetProperty("root").GetString());
        Assert.Equal([30L], added.GetProperty("added").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Empty(added.GetProperty("removed").EnumerateArray());
        Assert.Equal([4L], removed.GetProperty("removed").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Empty(removed.GetProperty("added").EnumerateArray());
    }

    [Fact]
    public async Task Only_the_source_publishes_and_a_field_with_another_authoritative_source_cannot_be_claimed()
    {
        using var source = await SetUpAsync();
        using var tax = Service.ClientFor(TestDepartments.Other);

        var byOther = await tax.PostAsync($"/api/v1/data/resources/{_resource}/versions", Csv(Rows(3)));
        var claimsTax = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions?authoritativeFields=companyName,taxStatus", Csv(Rows(3)));

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, claimsTax.StatusCode);
        Assert.Contains("taxStatus", await claimsTax.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0u, (await Chain.GetResourceAsync(_resource))!.LatestVersion);
    }

    [Fact]
    public async Task Catalog_revisions_are_kept_and_the_latest_hash_is_the_one_on_chain()
    {
        using var source = await SetUpAsync();
        using var admin = Service.AdminClient();

        var revised = await admin.PostAsJsonAsync("/api/v1/admin/data/resources", Entry(updateCycle: "daily"));
        var detail = await source.GetFromJsonAsync<JsonElement>($"/api/v1/data/resources/{_resource}");

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var revisions = detail.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.GetProperty("catalogVersion").GetInt32()));
        var latest = revisions[^1];
        Assert.Equal(latest.GetProperty("hash").GetString(), Convert.ToHexStringLower(HashFunctions.Hash(Sm3HashFunction.Instance, Encoding.UTF8.GetBytes(latest.GetProperty("canonicalJson").GetString()!))));
        var onChain = await Chain.GetResourceAsync(_resource);
        Assert.Equal(2u, onChain!.CatalogVersion);
        Assert.Equal(latest.GetProperty("hash").GetString(), Convert.ToHexStringLower(onChain.CatalogHash));
        Assert.Equal(TestDepartments.Other.Key.Address, await Chain.GetFieldSourceAsync(_resource, "taxStatus"), ignoreCase: true);
    }

    [Fact]
    public async Task The_catalog_imports_from_CSV_and_JSON_and_says_per_entry_what_happened()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var taxBureau = Service.ClientFor(TestDepartments.Other); // onboards the authority of taxStatus
        using var admin = Service.AdminClient();
        var fields = "[{\"\"name\"\":\"\"creditCode\"\",\"\"personal\"\":false},{\"\"name\"\":\"\"companyName\"\",\"\"personal\"\":false}]";
        var csv = "code,name,sourceDepartment,updateCycle,sharingClass,openClass,fields\n"
            + $"{_resource}-A,企业名录,{TestDepartments.Demo.CreditCode},daily,unconditional,open,\"{fields}\"\n"
            + $"x,坏条目,{TestDepartments.Demo.CreditCode},daily,unconditional,open,\"{fields}\"\n";

        var fromCsv = await (await admin.PostAsync("/api/v1/admin/data/resources:import", new StringContent(csv, Encoding.UTF8, "text/csv"))).Content.ReadFromJsonAsync<JsonElement>();
        var fromJson = await (await admin.PostAsJsonAsync("/api/v1/admin/data/resources:import", new[] { Entry() })).Content.ReadFromJsonAsync<JsonElement>();
        var unreadable = await admin.PostAsync("/api/v1/admin/data/resources:import", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(["created", "invalid"], fromCsv.EnumerateArray().Select(o => o.GetProperty("outcome").GetString()));
        Assert.Contains("code", fromCsv[1].GetProperty("errors").ToString(), StringComparison.Ordinal);
        Assert.Equal("created", fromJson[0].GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.NotNull(await Chain.GetResourceAsync(_resource + "-A"));
    }

    [Fact]
    public async Task JSON_Lines_publish_too_and_unreadable_datasets_anchor_nothing()
    {
        using var source = await SetUpAsync();
        var rows = Rows(5);
        var jsonLines = new StringContent(string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r))), Encoding.UTF8, "application/x-ndjson");

        var published = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", jsonLines);
        var unknownColumn = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", new StringContent("creditCode,shoeSize\n91610131MA6TG1XX4F,42\n", Encoding.UTF8, "text/csv"));
        var empty = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", new StringContent("creditCode,companyName\n", Encoding.UTF8, "text/csv"));
        var wrongType = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownColumn.StatusCode);
        Assert.Contains("shoeSize", await unknownColumn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(1u, (await Chain.GetResourceAsync(_resource))!.LatestVersion);
    }

    public static TheoryData<string, string, byte[]> HostileFiles => new()
    {
        { "NDJSON with a member given twice", "application/x-ndjson", Encoding.UTF8.GetBytes("{\"creditCode\":\"a\",\"creditCode\":\"b\",\"companyName\":\"c\",\"legalRepresentative\":\"d\",\"registeredCapital\":\"e\"}\n") },
        { "NDJSON with a number no double holds", "application/x-ndjson", Encoding.UTF8.GetBytes("{\"creditCode\":1e400,\"companyName\":\"c\",\"legalRepresentative\":\"d\",\"registeredCapital\":\"e\"}\n") },
        { "NDJSON with a lone surrogate", "application/x-ndjson", Encoding.UTF8.GetBytes("{\"creditCode\":\"\\ud800\",\"companyName\":\"c\",\"legalRepresentative\":\"d\",\"registeredCapital\":\"e\"}\n") },
        { "NDJSON with an invalid UTF-8 byte", "application/x-ndjson", [.. "{\"creditCode\":\"a"u8.ToArray(), 0xFF, .. "\",\"companyName\":\"c\",\"legalRepresentative\":\"d\",\"registeredCapital\":\"e\"}\n"u8.ToArray()] },
        { "CSV with an invalid UTF-8 byte", "text/csv", [.. "creditCode,companyName,legalRepresentative,registeredCapital\na"u8.ToArray(), 0xC3, 0x28, .. ",c,d,e\n"u8.ToArray()] },
        { "CSV with an unterminated quote", "text/csv", "creditCode,companyName,legalRepresentative,registeredCapital\n\"a,c,d,e\n"u8.ToArray() },
        { "CSV with text after a closing quote", "text/csv", "creditCode,companyName,legalRepresentative,registeredCapital\n\"a\"x,c,d,e\n"u8.ToArray() },
        // 3 MiB and no newline: refused at the row limit, never read whole into one string.
        { "NDJSON with a line longer than a row may be", "application/x-ndjson", Encoding.UTF8.GetBytes("{\"creditCode\":\"" + new string('a', 3 * 1024 * 1024)) },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_file_with_no_one_reading_is_a_400_anchors_nothing_and_leaves_no_file(string what, string mediaType, byte[] body)
    {
        using var source = await SetUpAsync();
        var files = Service.Services.GetRequiredService<TrustLedger.CertService.DataTrust.DatasetFiles>();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);

        var response = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", content);

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("row 1", problem, StringComparison.Ordinal);
        Assert.Null(await Chain.GetResourceAsync(_resource) is { LatestVersion: > 0 } r ? r : null);
        Assert.Equal(0, await Service.WithStoreAsync(s => s.DatasetVersions.CountAsync(v => v.ResourceCode == _resource)));
        var folder = files.Folder(_resource);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, string.Join(", ", Directory.Exists(folder) ? Directory.GetFiles(folder) : []));
    }

    [Fact]
    public async Task Two_files_that_differ_only_in_an_invalid_byte_never_match_each_other()
    {
        using var source = await SetUpAsync();
        await PublishAsync(source, Csv(Rows(3)));
        var text = Encoding.UTF8.GetBytes("creditCode,companyName,legalRepresentative,registeredCapital\n");
        var row = Encoding.UTF8.GetBytes(Row(0)["creditCode"]);
        var content = new ByteArrayContent([.. text, .. row, 0xFE, .. ",x,y,z\n"u8.ToArray()]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var response = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions/1/check", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_the_chain_got_ahead_with_never_blocks_the_next_publish()
    {
        using var source = await SetUpAsync();
        await PublishAsync(source, Csv(Rows(3)));
        // The chain holds version 2, the database does not (a publish whose database write was lost, before this version).
        using (var sender = Anvil.NewSender(TestDepartments.Demo.Key))
        {
            Assert.True((await Chain.PublishVersionAsync(sender, _resource, 2, RandomNumberGenerator.GetBytes(32), 3, RandomNumberGenerator.GetBytes(32), HashAlgorithmId.Sm3, [])).Succeeded);
        }

        var next = await PublishAsync(source, Csv(Rows(4)));

        Assert.Equal(3, next.GetProperty("version").GetInt32());
        Assert.Equal(next.GetProperty("root").GetString(), Convert.ToHexStringLower((await Chain.GetVersionAsync(_resource, 3))!.Root));
    }

    [Fact]
    public async Task Versions_left_prepared_by_a_crash_are_settled_from_the_chain_finished_when_their_number_is_free_and_abandoned_when_it_is_taken()
    {
        using var source = await SetUpAsync();
        await PublishAsync(source, Csv(Rows(5)));
        var files = Service.Services.GetRequiredService<TrustLedger.CertService.DataTrust.DatasetFiles>();
        var published = await Service.WithStoreAsync(s => s.DatasetVersions.AsNoTracking().SingleAsync(v => v.ResourceCode == _resource));
        // Version 2 was sent and mined; the process died before it recorded so. Version 3's number was
        // taken on chain by another root. Version 4 was prepared and never sent.
        var reached = await PrepareCopyAsync(published, 2, files);
        var taken = await PrepareCopyAsync(published, 3, files);
        var unsent = await PrepareCopyAsync(published, 4, files);
        using (var sender = Anvil.NewSender(TestDepartments.Demo.Key))
        {
            Assert.True((await Chain.PublishVersionAsync(sender, _resource, 2, reached.Root, (ulong)reached.RowCount, reached.SchemaHash, HashAlgorithmId.Sm3, [])).Succeeded);
            Assert.True((await Chain.PublishVersionAsync(sender, _resource, 3, RandomNumberGenerator.GetBytes(32), 1, reached.SchemaHash, HashAlgorithmId.Sm3, [])).Succeeded);
        }

        await Service.Services.GetRequiredService<TrustLedger.CertService.Anchoring.AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        var versions = await Service.WithStoreAsync(s => s.DatasetVersions.AsNoTracking().Where(v => v.ResourceCode == _resource).OrderBy(v => v.Version).ToListAsync());
        Assert.Equal([1, 2, 4], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal(ChainWriteStates.Published, v.State));
        Assert.NotNull(versions[1].TransactionHash);
        Assert.True(File.Exists(files.Leaves(_resource, 2)));
        Assert.False(File.Exists(files.Leaves(_resource, 3) + TrustLedger.CertService.DataTrust.DatasetFiles.DraftSuffix(taken.Id)));
        Assert.Equal(unsent.Root, (await Chain.GetVersionAsync(_resource, 4))!.Root);
        Assert.Equal(HttpStatusCode.OK, (await source.GetAsync($"/api/v1/data/resources/{_resource}/versions/2/rows/0/proof")).StatusCode);
        Assert.Equal(5, (await PublishAsync(source, Csv(Rows(2)))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_version_whose_publish_still_waits_in_a_stalled_pool_is_not_abandoned_when_its_resend_is_refused_and_is_adopted_once_mined()
    {
        using var source = await SetUpAsync();
        await PublishAsync(source, Csv(Rows(5)));
        var files = Service.Services.GetRequiredService<TrustLedger.CertService.DataTrust.DatasetFiles>();
        var published = await Service.WithStoreAsync(s => s.DatasetVersions.AsNoTracking().SingleAsync(v => v.ResourceCode == _resource));
        var stalled = await PrepareCopyAsync(published, 2, files);
        // This instance holds the source's account, as after any round.
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrustLedger.CertService.Anchoring.Accounts.LeaseStep>().RunAsync(CancellationToken.None);
        }

        var allowlist = new AccountsAllowlist(Anvil.Rpc);
        await Anvil.RequestAsync<object>("evm_setIntervalMining", 0);
        Task<TransactionOutcome> original;
        using var sender = Anvil.NewSender(TestDepartments.Demo.Key);
        try
        {
            // Version 2's publish was sent and sits in the node's pool; the request that sent it died.
            original = Chain.PublishVersionAsync(sender, _resource, 2, stalled.Root, (ulong)stalled.RowCount, stalled.SchemaHash, HashAlgorithmId.Sm3, []);
            await WaitUntilAsync(async () => await Anvil.Chain.GetTransactionCountAsync(TestDepartments.Demo.Key.Address, pending: true) > await Anvil.Chain.GetTransactionCountAsync(TestDepartments.Demo.Key.Address, pending: false));
            // The reconciliation's own send of it is refused (the sender is off the allowlist for now).
            await allowlist.RemoveAsync(TestDepartments.Demo.Key.Address);
            await ReconcileAsync();

            var kept = await Service.WithStoreAsync(s => s.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == stalled.Id));
            Assert.Equal(ChainWriteStates.Prepared, kept?.State);
            Assert.True(File.Exists(files.Leaves(_resource, 2) + TrustLedger.CertService.DataTrust.DatasetFiles.DraftSuffix(stalled.Id)));
        }
        finally
        {
            await allowlist.AddAsync(TestDepartments.Demo.Key.Address);
            await Anvil.RequestAsync<object>("evm_mine");
            await Anvil.RequestAsync<object>("evm_setIntervalMining", 1);
        }

        Assert.True((await original).Succeeded);
        await ReconcileAsync();

        var settled = await Service.WithStoreAsync(s => s.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == stalled.Id));
        Assert.Equal(ChainWriteStates.Published, settled.State);
        Assert.Equal(stalled.Root, (await Chain.GetVersionAsync(_resource, 2))!.Root);
        Assert.True(File.Exists(files.Leaves(_resource, 2)));
        Assert.Equal(HttpStatusCode.OK, (await source.GetAsync($"/api/v1/data/resources/{_resource}/versions/2/rows/0/proof")).StatusCode);
    }

    private async Task ReconcileAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TrustLedger.CertService.Anchoring.ChainWriteReconciliation>().RunAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }

    [Fact]
    public async Task A_catalog_version_the_chain_got_ahead_with_never_blocks_the_next_revision()
    {
        using var source = await SetUpAsync();
        using (var governance = Anvil.NewSender(TrustLedger.Deployer.DevelopmentKeys.GovernanceAdmin))
        {
            Assert.True((await Chain.AnchorCatalogEntryAsync(governance, _resource, TestDepartments.Demo.Key.Address, RandomNumberGenerator.GetBytes(32), 2)).Succeeded);
        }

        using var admin = Service.AdminClient();
        var revised = await admin.PostAsJsonAsync("/api/v1/admin/data/resources", Entry("weekly"));

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(3, (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalogVersion").GetInt32());
        Assert.Equal(3u, (await Chain.GetResourceAsync(_resource))!.CatalogVersion);
    }

    // A copy of a published version's record (and its files as drafts) under another number, left prepared long enough ago to settle.
    private async Task<DatasetVersionRecord> PrepareCopyAsync(DatasetVersionRecord published, int version, TrustLedger.CertService.DataTrust.DatasetFiles files)
    {
        var copy = new DatasetVersionRecord
        {
            Id = Guid.CreateVersion7(), ResourceCode = published.ResourceCode, Version = version, RowCount = published.RowCount, Root = RandomNumberGenerator.GetBytes(32),
            SchemaHash = published.SchemaHash, SchemaJson = published.SchemaJson, HashAlgorithm = published.HashAlgorithm, SealedSaltSecret = null,
            AuthoritativeFields = "", PublishedBy = published.PublishedBy, PublishedAt = DateTimeOffset.UtcNow.AddHours(-1), State = ChainWriteStates.Prepared,
        };
        var draft = TrustLedger.CertService.DataTrust.DatasetFiles.DraftSuffix(copy.Id);
        File.Copy(files.Leaves(published.ResourceCode, published.Version), files.Leaves(published.ResourceCode, version) + draft);
        File.Copy(files.Contents(published.ResourceCode, published.Version), files.Contents(published.ResourceCode, version) + draft);
        await Service.WithStoreAsync(async s =>
        {
            s.DatasetVersions.Add(copy);
            return await s.SaveChangesAsync();
        });
        return copy;
    }

    private async Task<HttpClient> SetUpAsync()
    {
        var source = Service.ClientFor(TestDepartments.Demo);
        Service.ClientFor(TestDepartments.Other).Dispose(); // onboards the tax bureau
        using var admin = Service.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/v1/admin/data/resources", Entry());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return source;
    }

    public static TheoryData<string, string, string> UndeclaredOrUnsafeFields => new()
    {
        { "a field that does not say whether it is personal", "none", "[{\"name\":\"creditCode\",\"personal\":false},{\"name\":\"legalRepresentative\"}]" },
        { "an open resource with a personal field", "open", "[{\"name\":\"creditCode\",\"personal\":false},{\"name\":\"legalRepresentative\",\"personal\":true}]" },
        { "two names that are one after trimming", "none", "[{\"name\":\"creditCode\",\"personal\":false},{\"name\":\" creditCode \",\"personal\":false}]" },
        { "a name with a control character", "none", "[{\"name\":\"credit\\u0000Code\",\"personal\":false}]" },
    };

    [Theory]
    [MemberData(nameof(UndeclaredOrUnsafeFields))]
    public async Task A_catalog_entry_with_undeclared_or_unsafe_fields_is_refused_and_nothing_is_anchored(string what, string openClass, string fields)
    {
        using var admin = Service.AdminClient();
        var body = $"{{\"code\":\"{_resource}\",\"name\":\"字段声明测试\",\"sourceDepartment\":\"{TestDepartments.Demo.CreditCode}\",\"updateCycle\":\"daily\",\"sharingClass\":\"conditional\",\"openClass\":\"{openClass}\",\"fields\":{fields}}}";

        var response = await admin.PostAsync("/api/v1/admin/data/resources", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, await Service.WithStoreAsync(s => s.DataResourceRevisions.CountAsync(r => r.Code == _resource)));
        Assert.Null(await new DataRegistryClient(Anvil.Chain.Web3, Anvil.Deployment.DataRegistry!).GetResourceAsync(_resource));
    }

    private object Entry(string updateCycle = "monthly") => new
    {
        code = _resource,
        name = "企业登记基本信息",
        sourceDepartment = TestDepartments.Demo.CreditCode,
        updateCycle,
        sharingClass = "conditional",
        openClass = "none",
        fields = new object[]
        {
            new { name = "creditCode", personal = false },
            new { name = "companyName", personal = false },
            new { name = "legalRepresentative", personal = true },
            new { name = "registeredCapital", personal = false },
            new { name = "taxStatus", authoritativeDepartment = TestDepartments.Other.CreditCode, personal = false },
        },
    };

    private static List<Dictionary<string, string>> Rows(int count) => Enumerable.Range(0, count).Select(Row).ToList();

    private static Dictionary<string, string> Row(int i) => new()
    {
        ["creditCode"] = $"91610131MA6TG{i:D4}X",
        ["companyName"] = $"西安数据测试{i}有限公司",
        ["legalRepresentative"] = $"张{i}明",
        ["registeredCapital"] = $"{100 + i}万元",
    };

    private static StringContent Csv(List<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder("creditCode,companyName,legalRepresentative,registeredCapital\n");
        foreach (var row in rows)
        {
            text.Append(row["creditCode"]).Append(',').Append(row["companyName"]).Append(',').Append(row["legalRepresentative"]).Append(',').Append(row["registeredCapital"]).Append('\n');
        }

        return new StringContent(text.ToString(), Encoding.UTF8, "text/csv");
    }

    private static byte[] Canonical(Dictionary<string, string> row) => JsonCanonicalizer.Canonicalize(JsonSerializer.Serialize(row));

    private async Task<JsonElement> PublishAsync(HttpClient source, HttpContent file)
    {
        var response = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", file);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> CheckAsync(HttpClient client, HttpContent file)
    {
        var response = await client.PostAsync($"/api/v1/data/resources/{_resource}/versions/1/check", file);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
