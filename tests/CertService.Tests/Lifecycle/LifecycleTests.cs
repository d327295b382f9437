using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Lifecycle;

public sealed class LifecycleTests_Sqlite(AnvilNode anvil) : LifecycleTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class LifecycleTests_Postgres(AnvilNode anvil) : LifecycleTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>Suspension, reinstatement, revocation and supersession: enforced, batched onto the chain, and in the history.</summary>
public abstract class LifecycleTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    private CertificateStatusClient Chain => new(Anvil.Chain.Web3, Anvil.Deployment.CertificateStatus!);

    [Fact]
    public async Task A_revocation_is_accepted_then_recorded_on_chain_by_the_issuer_under_a_key_that_reveals_no_identifier()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var id = await IssueAndAnchorAsync(department);
        var bundle = await Issuing.BundleAsync(department, id);

        var response = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 3 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pending", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        await RunRoundAsync();

        var history = await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history");
        Assert.Equal("revoked", history.GetProperty("lifecycle").GetString());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["issued", "anchored", "revoked"], events.Select(e => e.GetProperty("event").GetString()));
        var revoked = events[2];
        Assert.Equal("anchored", revoked.GetProperty("state").GetString());
        var transaction = revoked.GetProperty("transactionHash").GetString()!;
        var identifier = bundle.Certificate.GetProperty("identifier").GetString()!;
        var onChain = await Chain.GetHistoryAsync(TestDepartments.Demo.Key.Address, CertificateStatusKey.Of(Convert.FromHexString(bundle.Salt), identifier));
        Assert.Equal(TestDepartments.Demo.Key.Address, onChain.Issuer, ignoreCase: true);
        Assert.Equal(CertificateLifecycle.Revoked, Assert.Single(onChain.Changes).Status);
        Assert.Equal(revoked.GetProperty("blockNumber").GetInt64(), (long)onChain.Changes[0].BlockNumber);
        // Nothing in the transaction names the certificate or its holder.
        var input = (await Anvil.Chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(transaction)).Input;
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(identifier)), input, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(bundle.Certificate.GetProperty("holder").GetProperty("code").GetString()!)), input, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_transition_is_enforced_and_a_revoked_certificate_cannot_be_reinstated()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var id = await IssueAndAnchorAsync(department);

        var suspend = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/suspend", new { reason = 4 });
        var suspendAgain = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/suspend", new { reason = 4 });
        var reinstate = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/reinstate", new { reason = 4 });
        var revoke = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 1 });
        var reinstateRevoked = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/reinstate", new { reason = 1 });
        var suspendRevoked = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/suspend", new { reason = 1 });
        await RunRoundAsync();

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            new[] { suspend, suspendAgain, reinstate, revoke, reinstateRevoked, suspendRevoked }.Select(r => r.StatusCode));
        Assert.Contains("invalid-transition", await reinstateRevoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var events = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["issued", "anchored", "suspended", "reinstated", "revoked"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.All(events.Skip(2), e => Assert.Equal("anchored", e.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Another_department_cannot_touch_the_certificate_and_bad_requests_change_nothing()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var other = Service.ClientFor(TestDepartments.Other);
        var id = await IssueAndAnchorAsync(department);
        var pending = await Issuing.IssueAsync(department);

        var byOther = await other.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 1 });
        var noReason = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { });
        var backdated = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 1, effectiveAt = DateTimeOffset.UtcNow.AddDays(-1) });
        var notAnchored = await department.PostAsJsonAsync($"/api/v1/certificates/{pending}/revoke", new { reason = 1 });
        var unknown = await department.PostAsJsonAsync($"/api/v1/certificates/{Guid.NewGuid()}/revoke", new { reason = 1 });

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notAnchored.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.All(new[] { byOther, noReason, backdated, notAnchored, unknown }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(0, await Service.WithStoreAsync(s => Task.FromResult(s.StatusChanges.Count())));
        Assert.Equal("active", (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("lifecycle").GetString());
    }

    [Fact]
    public async Task A_renewal_supersedes_the_certificate_it_replaces_on_chain()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var earlier = await IssueAndAnchorAsync(department);
        var bundle = await Issuing.BundleAsync(department, earlier);
        var renewal = Issuing.BusinessLicence();
        renewal["relatedIdentifier"] = bundle.Certificate.GetProperty("identifier").GetString();

        await Issuing.IssueAsync(department, renewal);
        await RunRoundAsync();

        var history = await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{earlier}/history");
        Assert.Equal("superseded", history.GetProperty("lifecycle").GetString());
        var onChain = await Chain.GetHistoryAsync(TestDepartments.Demo.Key.Address, CertificateStatusKey.Of(Convert.FromHexString(bundle.Salt), bundle.Certificate.GetProperty("identifier").GetString()!));
        Assert.Equal(CertificateLifecycle.Superseded, Assert.Single(onChain.Changes).Status);
        Assert.Equal(5, onChain.Changes[0].Reason);
    }

    [Fact]
    public async Task Many_changes_share_one_transaction()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Issuing.IssueAsync(department, Issuing.BusinessLicence($"批量吊销公司{i}")));
        }

        await RunRoundAsync();
        foreach (var id in ids)
        {
            (await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 3 })).EnsureSuccessStatusCode();
        }

        await RunRoundAsync();

        var transactions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var events = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("events").EnumerateArray().ToList();
            transactions.Add(events[^1].GetProperty("transactionHash").GetString()!);
        }

        Assert.Single(transactions);
    }

    [Fact]
    public async Task A_change_sent_before_a_crash_is_recorded_from_the_chain_and_not_sent_twice()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var id = await IssueAndAnchorAsync(department);
        var bundle = await Issuing.BundleAsync(department, id);
        var accepted = await (await department.PostAsJsonAsync($"/api/v1/certificates/{id}/suspend", new { reason = 4 })).Content.ReadFromJsonAsync<JsonElement>();
        var key = CertificateStatusKey.Of(Convert.FromHexString(bundle.Salt), bundle.Certificate.GetProperty("identifier").GetString()!);
        // The transaction was mined, then the service stopped before it could record it.
        using var sender = Anvil.NewSender(TestDepartments.Demo.Key);
        var changeId = StatusChangeId.Of(accepted.GetProperty("id").GetGuid());
        var mined = await Chain.RecordAsync(sender, [new LifecycleChangeRequest(changeId, key, CertificateLifecycle.Suspended, 4, accepted.GetProperty("effectiveAt").GetDateTimeOffset())]);
        Assert.True(mined.Succeeded);

        await RunRoundAsync();

        var events = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("anchored", events[^1].GetProperty("state").GetString());
        Assert.Equal(mined.TransactionHash, events[^1].GetProperty("transactionHash").GetString());
        Assert.Single((await Chain.GetHistoryAsync(TestDepartments.Demo.Key.Address, key)).Changes);
    }

    [Fact]
    public async Task The_one_change_the_chain_refuses_is_refused_alone_with_its_reason_and_the_others_reach_the_chain()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Issuing.IssueAsync(department, Issuing.BusinessLicence($"分拣公司{i}")));
        }

        await RunRoundAsync();
        // Behind CertService's back, the department's key suspends the third one on chain: CertService's own suspension of it can only be refused.
        var bundle = await Issuing.BundleAsync(department, ids[2]);
        var key = CertificateStatusKey.Of(Convert.FromHexString(bundle.Salt), bundle.Certificate.GetProperty("identifier").GetString()!);
        using var sender = Anvil.NewSender(TestDepartments.Demo.Key);
        Assert.True((await Chain.RecordAsync(sender, [new LifecycleChangeRequest(StatusChangeId.Of(Guid.NewGuid()), key, CertificateLifecycle.Suspended, 4, DateTimeOffset.UtcNow)])).Succeeded);
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await department.PostAsJsonAsync($"/api/v1/certificates/{id}/suspend", new { reason = 4 })).StatusCode);
        }

        await RunRoundAsync();

        for (var i = 0; i < ids.Count; i++)
        {
            var change = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{ids[i]}/history")).GetProperty("events").EnumerateArray().Last();
            if (i == 2)
            {
                Assert.Equal("refused", change.GetProperty("state").GetString());
                Assert.Contains("InvalidTransition", change.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("anchored", change.GetProperty("state").GetString());
            }
        }
    }

    [Fact]
    public async Task A_change_asked_for_before_an_outage_longer_than_the_back_dating_window_reaches_the_chain_at_its_block_with_the_asked_time_kept()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var id = await IssueAndAnchorAsync(department);
        var accepted = await (await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        var asked = accepted.GetProperty("effectiveAt").GetDateTimeOffset();
        // Two hours pass on chain before the change can be sent.
        await Anvil.RequestAsync<object>("evm_increaseTime", 7200);
        await Anvil.RequestAsync<object>("evm_mine");

        await RunRoundAsync();

        var revoked = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("events").EnumerateArray().Last();
        Assert.Equal("anchored", revoked.GetProperty("state").GetString());
        Assert.Equal(asked, revoked.GetProperty("at").GetDateTimeOffset());
        Assert.True(revoked.GetProperty("recordedAt").GetDateTimeOffset() >= asked.AddHours(2));
        var bundle = await Issuing.BundleAsync(department, id);
        var change = Assert.Single((await Chain.GetHistoryAsync(TestDepartments.Demo.Key.Address, CertificateStatusKey.Of(Convert.FromHexString(bundle.Salt), bundle.Certificate.GetProperty("identifier").GetString()!))).Changes);
        Assert.Equal(CertificateLifecycle.Revoked, change.Status);
        Assert.Equal(asked, change.RequestedEffectiveAt);
        Assert.True(change.EffectiveLaterThanRequested);
    }

    [Fact]
    public async Task A_department_suspended_on_chain_has_its_suspensions_recorded_by_the_registrar_while_a_reinstatement_waits_and_none_is_refused()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var suspended = await IssueAndAnchorAsync(department);
        var reinstated = await IssueAndAnchorAsync(department);
        (await department.PostAsJsonAsync($"/api/v1/certificates/{suspended}/suspend", new { reason = 4 })).EnsureSuccessStatusCode();
        (await department.PostAsJsonAsync($"/api/v1/certificates/{reinstated}/suspend", new { reason = 4 })).EnsureSuccessStatusCode();
        (await department.PostAsJsonAsync($"/api/v1/certificates/{reinstated}/reinstate", new { reason = 4 })).EnsureSuccessStatusCode();
        (await department.PostAsJsonAsync($"/api/v1/certificates/{reinstated}/revoke", new { reason = 3 })).EnsureSuccessStatusCode();
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.SetDepartmentActiveAsync(TestDepartments.Demo.Key.Address, false))).Succeeded);
        try
        {
            await RunRoundAsync();

            // The suspensions are on chain, under the department's account, though its account may not send.
            Assert.Equal(["anchored"], await StatesAsync(department, suspended, "suspended"));
            Assert.Equal(CertificateLifecycle.Suspended, (await OnChainAsync(department, suspended)).Single().Status);
            // The reinstatement waits for the department, and the revocation behind it does not overtake it.
            Assert.Equal(["anchored"], await StatesAsync(department, reinstated, "suspended"));
            Assert.Equal(["pending"], await StatesAsync(department, reinstated, "reinstated"));
            Assert.Equal(["pending"], await StatesAsync(department, reinstated, "revoked"));
            Assert.Single(await OnChainAsync(department, reinstated));
        }
        finally
        {
            Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.SetDepartmentActiveAsync(TestDepartments.Demo.Key.Address, true))).Succeeded);
        }

        await RunRoundAsync();

        Assert.Equal(["anchored"], await StatesAsync(department, reinstated, "reinstated"));
        Assert.Equal(["anchored"], await StatesAsync(department, reinstated, "revoked"));
        Assert.Equal([CertificateLifecycle.Suspended, CertificateLifecycle.Active, CertificateLifecycle.Revoked], (await OnChainAsync(department, reinstated)).Select(c => c.Status));
    }

    [Fact]
    public async Task A_dissolved_department_s_revocation_asked_for_before_reaches_the_chain_through_the_registrar_and_it_can_ask_for_nothing_more()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var revoked = await IssueAndAnchorAsync(department);
        var untouched = await IssueAndAnchorAsync(department);
        (await department.PostAsJsonAsync($"/api/v1/certificates/{revoked}/revoke", new { reason = 3 })).EnsureSuccessStatusCode();
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.SetDepartmentActiveAsync(TestDepartments.Demo.Key.Address, false))).Succeeded);
        try
        {
            // Governance dissolved it (its key may be in the wrong hands): it changes nothing any more.
            var refused = await department.PostAsJsonAsync($"/api/v1/certificates/{untouched}/revoke", new { reason = 3 });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("department-inactive", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            Assert.Empty(await StatesAsync(department, untouched, "revoked"));

            await RunRoundAsync();

            Assert.Equal(["anchored"], await StatesAsync(department, revoked, "revoked"));
            Assert.Equal(CertificateLifecycle.Revoked, (await OnChainAsync(department, revoked)).Single().Status);
            Assert.Equal("revoked", (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{revoked}/history")).GetProperty("lifecycle").GetString());
            Assert.Empty(await OnChainAsync(department, untouched));
        }
        finally
        {
            Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.SetDepartmentActiveAsync(TestDepartments.Demo.Key.Address, true))).Succeeded);
        }
    }

    private static async Task<List<string?>> StatesAsync(HttpClient department, Guid id, string eventName) =>
        (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("event").GetString() == eventName).Select(e => e.GetProperty("state").GetString()).ToList();

    private async Task<IReadOnlyList<LifecycleChange>> OnChainAsync(HttpClient department, Guid id)
    {
        var bundle = await Issuing.BundleAsync(department, id);
        var key = CertificateStatusKey.Of(Convert.FromHexString(bundle.Salt), bundle.Certificate.GetProperty("identifier").GetString()!);
        return (await Chain.GetHistoryAsync(TestDepartments.Demo.Key.Address, key)).Changes;
    }

    [Fact]
    public async Task A_change_scheduled_for_later_never_blocks_a_more_urgent_one_and_what_it_makes_impossible_is_closed_with_the_reason()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var id = await IssueAndAnchorAsync(department);
        var scheduled = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/suspend", new { reason = 4, effectiveAt = DateTimeOffset.UtcNow.AddDays(7) });
        Assert.Equal(HttpStatusCode.Accepted, scheduled.StatusCode);
        await RunRoundAsync();

        var urgent = await department.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = 3 });
        Assert.Equal(HttpStatusCode.Accepted, urgent.StatusCode);
        await RunRoundAsync();

        var events = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}/history")).GetProperty("events").EnumerateArray().ToList();
        var suspension = events.Single(e => e.GetProperty("event").GetString() == "suspended");
        var revocation = events.Single(e => e.GetProperty("event").GetString() == "revoked");
        Assert.Equal("anchored", revocation.GetProperty("state").GetString());
        Assert.Equal("failed", suspension.GetProperty("state").GetString());
        Assert.Contains("overtaken", suspension.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supersession_waiting_on_a_certificate_whose_batch_the_chain_refused_is_closed_with_the_reason()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var earlier = await Issuing.IssueAsync(department);
        var identifier = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{earlier}")).GetProperty("identifier").GetString();
        var renewal = Issuing.BusinessLicence();
        renewal["relatedIdentifier"] = identifier;
        await Issuing.IssueAsync(department, renewal);
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.RevokeTypeAsync(TestDepartments.Demo.Key.Address, DemoDepartment.BusinessLicenceType))).Succeeded);
        try
        {
            await RunRoundAsync();
        }
        finally
        {
            Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, DemoDepartment.BusinessLicenceType))).Succeeded);
        }

        var history = await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{earlier}/history");
        var supersession = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("event").GetString() == "superseded");
        Assert.Equal("failed", supersession.GetProperty("state").GetString());
        Assert.Contains("never anchored", supersession.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("active", history.GetProperty("lifecycle").GetString());
    }

    private async Task<Guid> IssueAndAnchorAsync(HttpClient department)
    {
        var id = await Issuing.IssueAsync(department);
        await RunRoundAsync();
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, id, TimeSpan.Zero));
        return id;
    }

    private Task RunRoundAsync() => Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
}
