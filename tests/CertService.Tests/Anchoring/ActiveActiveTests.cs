using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Keys;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

/// <summary>
/// Two CertService instances on one PostgreSQL database, as in two sites at once: both take
/// requests, the pipeline of each chain account runs on one of them at a time, batches never share a
/// certificate, and keys created at once by both are one key.
/// </summary>
public sealed class ActiveActiveTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly Dictionary<string, string> Fast = new()
    {
        ["Anchoring:LeasePeriod"] = "00:00:02",
        ["Anchoring:RetryBase"] = "00:00:00.050",
        ["Anchoring:RetryCap"] = "00:00:00.500",
    };

    private readonly CertServiceFactory _first = new(anvil, TimeSpan.FromMilliseconds(200), StorageProvider.Postgres, settings: Fast);

    [Fact]
    public async Task Serial_numbers_stay_unique_when_two_instances_issue_into_one_database_at_once()
    {
        using var second = new CertServiceFactory(anvil, TimeSpan.FromHours(1), shareWith: _first);
        using var first = _first.ClientFor(TestDepartments.Demo);
        using var other = second.ClientFor(TestDepartments.Demo);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? first : other).PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence($"并发公司{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var identifiers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifier").GetString()!));
        Assert.Equal(identifiers.Length, identifiers.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Certificates_issued_through_both_instances_are_each_anchored_exactly_once_and_each_account_is_served_by_one()
    {
        using var second = new CertServiceFactory(anvil, TimeSpan.FromMilliseconds(200), shareWith: _first, settings: Fast);
        using var first = _first.ClientFor(TestDepartments.Demo);
        using var other = second.ClientFor(TestDepartments.Demo);

        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var body = Issuing.BusinessLicence($"双活公司{i}");
            if (i % 3 == 0)
            {
                body["document"] = "none";
            }

            ids.Add(await Issuing.IssueAsync(i % 2 == 0 ? first : other, body));
        }

        foreach (var id in ids)
        {
            Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(first, id, TimeSpan.FromSeconds(90)));
        }

        // Every batch holds exactly the certificates its tree was built over, and its root is anchored once, by the department.
        var batches = await _first.WithStoreAsync(s => s.Batches.AsNoTracking().Select(b => new { b.Id, b.Root, b.LeafCount, Members = s.Certificates.Count(c => c.BatchId == b.Id) }).ToListAsync());
        Assert.All(batches, b => Assert.Equal(b.LeafCount, b.Members));
        Assert.Equal(ids.Count, batches.Sum(b => b.Members));
        var events = await new ChunkedLogReader(anvil.Chain.Web3).ReadAsync<BatchAnchoredEvent>(anvil.Deployment.CertificateAnchor, 0, await anvil.Chain.GetHeadBlockAsync());
        foreach (var batch in batches)
        {
            Assert.Single(events, e => e.Event.Root.AsSpan().SequenceEqual(batch.Root));
        }

        var held = new[] { _first, second }.Select(f => f.Services.GetRequiredService<AccountLeases>().HeldAccounts).ToList();
        Assert.Empty(held[0].Intersect(held[1], StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_lease_moves_to_the_other_instance_only_once_its_holder_stops_renewing_and_the_token_grows()
    {
        using var second = new CertServiceFactory(anvil, TimeSpan.FromHours(1), shareWith: _first, settings: Fast);
        _ = _first.CreateClient();
        _ = second.CreateClient();
        // Lease keepers of their own, so the instances' own renewals (of the departments' accounts) stay out of the way.
        var a = ActivatorUtilities.CreateInstance<AccountLeases>(_first.Services);
        var b = ActivatorUtilities.CreateInstance<AccountLeases>(second.Services);
        var account = "0x" + RandomNumberGenerator.GetHexString(40, lowercase: true);

        Assert.Equal(1, await a.RenewAsync([account], CancellationToken.None));
        Assert.Equal(0, await b.RenewAsync([account], CancellationToken.None));
        Assert.True(a.Holds(account));
        Assert.False(b.Holds(account));

        // A stops renewing (paused, cut off, dead): its own view lapses first, then B takes the account.
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.False(a.Holds(account));
        Assert.Equal(1, await b.RenewAsync([account], CancellationToken.None));
        Assert.True(b.Holds(account));
        Assert.Equal(0, await a.RenewAsync([account], CancellationToken.None));
        var token = await _first.WithStoreAsync(s => s.AccountLeases.AsNoTracking().Where(l => l.Account == account).Select(l => l.Token).SingleAsync());
        Assert.Equal(2, token);
    }

    [Fact]
    public async Task Keys_two_instances_create_at_once_are_one_key()
    {
        using var second = new CertServiceFactory(anvil, TimeSpan.FromHours(1), shareWith: _first, settings: Fast);
        _ = _first.CreateClient();
        _ = second.CreateClient();
        var stores = new[] { _first, second }.Select(f => f.Services.GetRequiredService<ISecretStore>()).ToList();
        var keys = new[] { _first, second }.Select(f => f.Services.GetRequiredService<IKeyStore>()).ToList();

        var secrets = await Task.WhenAll(stores.Select(s => s.AddSecretAsync("kek-race-test-v1", RandomNumberGenerator.GetBytes(32), "kek")));
        var chainKeys = await Task.WhenAll(keys.Select(k => k.AddAsync("race-department", SigningKey.Generate())));

        Assert.Equal(secrets[0], secrets[1]);
        Assert.Equal(chainKeys[0].Address, chainKeys[1].Address);
        Assert.Equal(secrets[0], await stores[1].FindSecretAsync("kek-race-test-v1"));
    }

    [Fact]
    public async Task Two_instances_cutting_batches_at_once_take_disjoint_certificates()
    {
        using var second = new CertServiceFactory(anvil, TimeSpan.FromHours(1), shareWith: _first, settings: Fast);
        using var department = _first.ClientFor(TestDepartments.Demo);
        // The first instance's own pipeline cuts too: three cutters at once.
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var body = Issuing.BusinessLicence($"切批公司{i}");
            body["document"] = "none";
            ids.Add(await Issuing.IssueAsync(department, body));
        }

        async Task<int> CutAsync(CertServiceFactory instance)
        {
            var cut = 0;
            for (var i = 0; i < 5; i++)
            {
                await using var scope = instance.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<BatchPreparer>().PrepareAsync(TestDepartments.Demo.CreditCode, "SM3", CancellationToken.None) is { } batch)
                {
                    cut += batch.LeafCount;
                }
            }

            return cut;
        }

        await Task.WhenAll(CutAsync(_first), CutAsync(second));

        var members = await _first.WithStoreAsync(s => s.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.BatchId).ToListAsync());
        var batches = await _first.WithStoreAsync(s => s.Batches.AsNoTracking().ToListAsync());
        Assert.All(batches, b => Assert.Equal(b.LeafCount, members.Count(m => m == b.Id)));
        Assert.Equal(members.Count(m => m is not null), batches.Sum(b => b.LeafCount));
    }

    public void Dispose() => _first.Dispose();
}
