using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// Bundles built by hand and anchored directly on chain, bypassing CertService, as a dishonest
/// department could: the Verifier must still refuse what the registry does not back.
/// </summary>
public sealed class IssuerChecksTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    [Fact]
    public async Task A_department_cannot_issue_in_another_departments_name()
    {
        var bundle = await AnchorByHandAsync(TestDepartments.Demo, issuerCode: TestDepartments.Other.CreditCode, typeCode: DemoDepartment.BusinessLicenceType);

        var failed = await FailedChecksAsync(bundle);

        // Anchors are kept per issuing account: the named issuer's account never anchored this root.
        Assert.Equal(["anchor"], failed);
    }

    [Fact]
    public async Task A_certificate_of_a_type_the_department_never_held_fails_authorisation()
    {
        // The batch declares the business licence (granted), but the certificate inside claims another type.
        var bundle = await AnchorByHandAsync(TestDepartments.Demo, issuerCode: TestDepartments.Demo.CreditCode, typeCode: "11100000000013338W077", declaredType: DemoDepartment.BusinessLicenceType);

        var failed = await FailedChecksAsync(bundle);

        Assert.Equal(["issuer-authorisation"], failed);
    }

    [Fact]
    public async Task Authorisation_is_judged_at_the_anchor_block_so_a_later_revocation_does_not_rewrite_history()
    {
        const string type = "11100000000013338W005";
        Assert.True((await fixture.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, type))).Succeeded);
        var bundle = await AnchorByHandAsync(TestDepartments.Demo, TestDepartments.Demo.CreditCode, type);
        Assert.True((await fixture.AsGovernanceAdminAsync(a => a.RevokeTypeAsync(TestDepartments.Demo.Key.Address, type))).Succeeded);

        Assert.Empty(await FailedChecksAsync(bundle));
    }

    private async Task<CertificateBundle> AnchorByHandAsync(TestDepartment anchoringDepartment, string issuerCode, string typeCode, string? declaredType = null)
    {
        var certificate = new JsonObject
        {
            ["format"] = "trustledger.certificate.v1",
            ["id"] = Guid.NewGuid().ToString(),
            ["identifier"] = "HAND-" + Guid.NewGuid().ToString("N"),
            ["typeCode"] = typeCode,
            ["issuer"] = new JsonObject { ["code"] = issuerCode, ["name"] = "手工签发" },
            ["holder"] = new JsonObject { ["name"] = "王五", ["code"] = "11010519491231002X", ["codeType"] = "111" },
            ["fields"] = new JsonObject(),
            ["validFrom"] = "2026-01-01",
            ["issuedAt"] = "2026-11-28T00:00:00Z",
        };
        var element = JsonSerializer.SerializeToElement(certificate);
        var salt = RandomNumberGenerator.GetBytes(CertificateLeaf.SaltSize);
        var hasher = new MerkleHasher(Sm3HashFunction.Instance);
        var leaf = CertificateLeaf.Hash(hasher, salt, element);
        var tree = MerkleTree.Build(hasher, [leaf]);
        using var sender = fixture.NewSender(anchoringDepartment.Key);
        var outcome = await fixture.Anchor.AnchorAsync(sender, tree.Root, 1, HashAlgorithmId.Sm3, [declaredType ?? typeCode]);
        Assert.True(outcome.Succeeded, outcome.Revert?.Description);
        return new CertificateBundle(
            CertificateBundle.FormatV1, element, Convert.ToHexStringLower(salt), "SM3", Convert.ToHexStringLower(leaf),
            new BundleProof(0, 1, [], Convert.ToHexStringLower(tree.Root)),
            new BundleAnchor(fixture.ChainId, fixture.Deployment.CertificateAnchor, fixture.Deployment.IssuerRegistry, outcome.TransactionHash!, outcome.BlockNumber!.Value));
    }

    private async Task<string[]> FailedChecksAsync(CertificateBundle bundle)
    {
        using var client = fixture.Verifier.CreateClient();
        var report = await (await client.PostAsJsonAsync("/api/v1/verify", bundle, JsonSerializerOptions.Web)).Content.ReadFromJsonAsync<JsonElement>();
        return report.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "failed")
            .Select(c => c.GetProperty("name").GetString()!).ToArray();
    }
}
