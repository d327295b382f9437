using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Identifiers;
using TrustLedger.Ledger.Merkle;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Sharing;

public sealed class SharingTests_Sqlite(AnvilNode anvil) : SharingTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class SharingTests_Postgres(AnvilNode anvil) : SharingTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>
/// Holder-authorised sharing (授权用证): the holder grants, the agency decrypts with its own key,
/// the window and revocation hold on every request, and every step is in the anchored trail.
/// </summary>
public abstract class SharingTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    private const string HolderCode = "91610131MA6TG1XX4F"; // the business-licence sample's holder

    [Fact]
    public async Task The_agency_decrypts_the_shared_certificate_and_PDF_with_its_own_key_and_they_are_the_anchored_ones()
    {
        var id = await IssueAndAnchorAsync();
        var (agency, agencyKey, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        using var department = Service.ClientFor(TestDepartments.Demo);

        var mine = await holder.GetFromJsonAsync<JsonElement>("/api/v1/holder/certificates");
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var grant = await GrantAsync(holder, id, agencyCode, DateTimeOffset.UtcNow.AddHours(1));
        var response = await agency.GetAsync($"/api/v1/shared/{grant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var shared = await response.Content.ReadFromJsonAsync<JsonElement>();
        var certificateJson = Encoding.UTF8.GetString(Open(shared.GetProperty("certificate"), agencyKey));
        var view = await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}");
        Assert.Equal(view.GetProperty("certificate").GetRawText(), certificateJson);
        Assert.Equal(await department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf"), Open(shared.GetProperty("document"), agencyKey));
        // With the public bundle parts, the decrypted certificate is exactly the anchored leaf.
        var parts = shared.GetProperty("bundle");
        using var certificate = JsonDocument.Parse(certificateJson);
        var leaf = CertificateLeaf.Hash(new MerkleHasher(Sm3HashFunction.Instance), Convert.FromHexString(parts.GetProperty("salt").GetString()!), certificate.RootElement);
        Assert.Equal(parts.GetProperty("leafHash").GetString(), Convert.ToHexStringLower(leaf));
        // Another key cannot open it.
        Assert.ThrowsAny<Org.BouncyCastle.Crypto.InvalidCipherTextException>(() => Open(shared.GetProperty("certificate"), Sm2KeyPair.Generate()));
    }

    [Fact]
    public async Task A_grant_works_inside_its_window_and_not_before_or_after_it()
    {
        var id = await IssueAndAnchorAsync();
        var (agency, _, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        var later = await GrantAsync(holder, id, agencyCode, DateTimeOffset.UtcNow.AddDays(2), notBefore: DateTimeOffset.UtcNow.AddDays(1));
        var end = DateTimeOffset.UtcNow.AddSeconds(8);
        var shortLived = await GrantAsync(holder, id, agencyCode, end);

        var early = await agency.GetAsync($"/api/v1/shared/{later}");
        var inside = await agency.GetAsync($"/api/v1/shared/{shortLived}");
        var remaining = end - DateTimeOffset.UtcNow;
        await Task.Delay(remaining > TimeSpan.Zero ? remaining + TimeSpan.FromMilliseconds(300) : TimeSpan.Zero);
        var after = await agency.GetAsync($"/api/v1/shared/{shortLived}");

        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("not valid yet", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Contains("has expired", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_key_rotated_or_revoked_by_governance_stops_working_on_the_next_request()
    {
        var id = await IssueAndAnchorAsync();
        var (agency, _, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        var grant = await GrantAsync(holder, id, agencyCode, DateTimeOffset.UtcNow.AddHours(1));
        using var admin = Service.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/api/v1/shared/{grant}")).StatusCode);

        var rotated = await admin.PostAsync($"/api/v1/admin/agencies/{agencyCode}/api-key", null);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        using var renewed = Service.CreateClient();
        renewed.DefaultRequestHeaders.Add("X-Api-Key", newKey);
        var withOldKey = await agency.GetAsync($"/api/v1/shared/{grant}");
        var withNewKey = await renewed.GetAsync($"/api/v1/shared/{grant}");
        var revoked = await admin.DeleteAsync($"/api/v1/admin/agencies/{agencyCode}/api-key");
        var afterRevocation = await renewed.GetAsync($"/api/v1/shared/{grant}");
        var unknown = await admin.DeleteAsync("/api/v1/admin/agencies/91610000MA6TGX0000/api-key");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNewKey.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_revoked_grant_stops_working_on_the_next_request()
    {
        var id = await IssueAndAnchorAsync();
        var (agency, _, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        var grant = await GrantAsync(holder, id, agencyCode, DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/api/v1/shared/{grant}")).StatusCode);

        (await holder.PostAsync($"/api/v1/holder/grants/{grant}/revoke", null)).EnsureSuccessStatusCode();

        var refused = await agency.GetAsync($"/api/v1/shared/{grant}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_holder_grants_and_only_the_named_agency_reads()
    {
        var id = await IssueAndAnchorAsync();
        var (agency, _, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        var (otherAgency, _, _) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        using var stranger = Service.HolderClient("110105194912310029");
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var anonymous = Service.CreateClient();
        var grant = await GrantAsync(holder, id, agencyCode, DateTimeOffset.UtcNow.AddHours(1));

        Assert.DoesNotContain((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/holder/certificates")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/holder/certificates/{id}/grants", GrantBody(agencyCode, DateTimeOffset.UtcNow.AddHours(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/holder/grants/{grant}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/api/v1/shared/{grant}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync($"/api/v1/shared/{grant}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/v1/holder/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.GetAsync($"/api/v1/shared/{grant}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync($"/api/v1/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/shared/{grant}")).StatusCode);
    }

    [Fact]
    public async Task Bad_grants_and_registrations_get_a_problem_and_store_nothing()
    {
        var id = await IssueAndAnchorAsync();
        var (_, _, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        using var admin = Service.AdminClient();

        var past = await holder.PostAsJsonAsync($"/api/v1/holder/certificates/{id}/grants", GrantBody(agencyCode, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var tooLong = await holder.PostAsJsonAsync($"/api/v1/holder/certificates/{id}/grants", GrantBody(agencyCode, DateTimeOffset.UtcNow.AddDays(400)));
        var noPurpose = await holder.PostAsJsonAsync($"/api/v1/holder/certificates/{id}/grants", new { agencyCode, notAfter = DateTimeOffset.UtcNow.AddHours(1) });
        var unknownAgency = await holder.PostAsJsonAsync($"/api/v1/holder/certificates/{id}/grants", GrantBody(NewAgencyCode(), DateTimeOffset.UtcNow.AddHours(1)));
        var badKey = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code = NewAgencyCode(), name = "x", encryptionPublicKey = "04" + new string('1', 128) });
        var badCode = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code = "123", name = "x", encryptionPublicKey = Convert.ToHexStringLower(Sm2KeyPair.Generate().PublicKeyBytes) });

        foreach (var response in new[] { past, tooLong, noPurpose, badKey, badCode })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, unknownAgency.StatusCode);
        Assert.Equal(0, await Service.WithStoreAsync(s => Task.FromResult(s.SharingGrants.Count())));
        Assert.Equal(0, await Service.WithStoreAsync(s => Task.FromResult(s.SharingEvents.Count())));
    }

    [Fact]
    public async Task Every_grant_and_access_is_in_the_trail_and_each_line_is_proven_against_a_root_anchored_in_AuditTrail()
    {
        var id = await IssueAndAnchorAsync();
        var (agency, _, agencyCode) = await Service.RegisterAgencyAsync(NewAgencyCode());
        using var holder = Service.HolderClient(HolderCode);
        using var admin = Service.AdminClient();
        var grant = await GrantAsync(holder, id, agencyCode, DateTimeOffset.UtcNow.AddHours(1));
        await agency.GetAsync($"/api/v1/shared/{grant}");
        await holder.PostAsync($"/api/v1/holder/grants/{grant}/revoke", null);
        await agency.GetAsync($"/api/v1/shared/{grant}");

        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        var events = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/sharing/events?certificateId={id}")).EnumerateArray().ToList();
        Assert.Equal(["grant", "access", "revoke", "access-refused"], events.Select(e => e.GetProperty("kind").GetString()));
        var trail = new AuditTrailClient(Anvil.Chain.Web3, Anvil.Deployment.AuditTrail!);
        var hasher = new MerkleHasher(Sm3HashFunction.Instance);
        foreach (var entry in events)
        {
            var canonical = entry.GetProperty("canonicalJson").GetString()!;
            Assert.DoesNotContain(HolderCode, canonical, StringComparison.Ordinal);
            Assert.DoesNotContain("西安示例科技有限公司", canonical, StringComparison.Ordinal);
            var leaf = hasher.HashLeaf(Encoding.UTF8.GetBytes(canonical));
            Assert.Equal(entry.GetProperty("entryHash").GetString(), Convert.ToHexStringLower(leaf));
            var anchored = entry.GetProperty("trail");
            var root = Convert.FromHexString(anchored.GetProperty("root").GetString()!);
            var proof = new InclusionProof(
                anchored.GetProperty("index").GetInt32(), anchored.GetProperty("size").GetInt32(),
                anchored.GetProperty("path").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList());
            Assert.True(InclusionProofVerifier.Verify(hasher, leaf, proof, root));
            var onChain = await trail.GetAsync(root);
            Assert.NotNull(onChain);
            Assert.Equal(AuditTrailClient.KindOf("trustledger.sharing.v1"), onChain.Kind);
            Assert.Equal((uint)proof.TreeSize, onChain.Count);
            Assert.Equal(anchored.GetProperty("blockNumber").GetInt64(), (long)onChain.BlockNumber);
        }
    }

    private async Task<Guid> IssueAndAnchorAsync()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(department);
        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, id, TimeSpan.Zero));
        return id;
    }

    private static object GrantBody(string agencyCode, DateTimeOffset notAfter, DateTimeOffset? notBefore = null) =>
        new { agencyCode, purpose = "住房公积金提取业务核验营业执照", notBefore, notAfter };

    private static async Task<Guid> GrantAsync(HttpClient holder, Guid id, string agencyCode, DateTimeOffset notAfter, DateTimeOffset? notBefore = null)
    {
        var response = await holder.PostAsJsonAsync($"/api/v1/holder/certificates/{id}/grants", GrantBody(agencyCode, notAfter, notBefore));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static byte[] Open(JsonElement shared, Sm2KeyPair key) => new SharedCiphertext(
        shared.GetProperty("cipher").GetString()!,
        shared.GetProperty("wrappedKey").GetBytesFromBase64(),
        shared.GetProperty("nonce").GetBytesFromBase64(),
        shared.GetProperty("ciphertext").GetBytesFromBase64(),
        shared.GetProperty("associatedData").GetBytesFromBase64()).Open(key);

    // A valid unified social credit code of a public institution (事业单位) in Xi'an.
    private static string NewAgencyCode()
    {
        var first17 = "12610100MB" + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(UnifiedSocialCreditCode.TryCheckCharacter(first17, out var check));
        return first17 + check;
    }
}
