using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Parameters;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Merkle;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Documents;

/// <summary>The served PDF carries a real embedded signature made with the department's registered seal.</summary>
public sealed partial class SealedPdfTests(AnvilNode anvil) : CertServiceTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_PDF_signature_verifies_with_the_seal_registered_on_chain_and_one_changed_byte_breaks_it()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var seal = await CreateSealAsync();
        var id = await Issuing.IssueAsync(department);
        await Service.SealDocumentsAsync();

        var pdf = await department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");

        var (signedBytes, cms) = ExtractSignature(pdf);
        var signer = cms.GetSignerInfos().GetSigners().Cast<SignerInformation>().Single();
        var certificate = cms.GetCertificates().EnumerateMatches(signer.SignerID).Single();
        Assert.True(signer.Verify(certificate));
        // An independent check of the SM2 signature and of the digest it covers.
        var publicKey = (ECPublicKeyParameters)certificate.GetPublicKey();
        Assert.True(Sm2Signature.Verify(publicKey, signer.GetEncodedSignedAttributes(), signer.GetSignature()));
        var digest = (Asn1OctetString)signer.SignedAttributes[CmsAttributes.MessageDigest].AttrValues[0];
        Assert.Equal(Sm3HashFunction.Instance.Hash(signedBytes), digest.GetOctets());
        // The signing key is the seal the chain vouches for.
        var onChain = (await new SealRegistryClient(Anvil.Chain.Web3, Anvil.Deployment.SealRegistry!).GetAsync(seal))!.Value;
        Assert.Equal(SealRegistryClient.PublicKeyHashOf(publicKey.Q.GetEncoded(false)), onChain.Seal.PublicKeyHash);

        var tampered = (byte[])pdf.Clone();
        var at = Encoding.Latin1.GetString(pdf).IndexOf("/Title", StringComparison.Ordinal) + 8;
        tampered[at] ^= 0x01;
        var (tamperedBytes, _) = ExtractSignature(tampered);
        Assert.NotEqual(Sm3HashFunction.Instance.Hash(tamperedBytes), digest.GetOctets());
        var again = new CmsSignedData(new CmsProcessableByteArray(tamperedBytes), cms.ContentInfo);
        var tamperedSigner = again.GetSignerInfos().GetSigners().Cast<SignerInformation>().Single();
        Assert.False(SafeVerify(tamperedSigner, certificate));
    }

    [Fact]
    public async Task Documents_rendered_and_sealed_on_every_core_at_once_are_each_intact_signed_and_bound_to_their_own_certificate()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        await CreateSealAsync();
        var holders = Enumerable.Range(0, 24).Select(i => $"并行盖章测试公司{i:00}").ToList();
        var ids = new List<Guid>();
        foreach (var holder in holders)
        {
            ids.Add(await Issuing.IssueAsync(department, Issuing.BusinessLicence(holder)));
        }

        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        for (var i = 0; i < ids.Count; i++)
        {
            var pdf = await department.GetByteArrayAsync($"/api/v1/certificates/{ids[i]}/pdf");
            var (signedBytes, cms) = ExtractSignature(pdf);
            var signer = cms.GetSignerInfos().GetSigners().Cast<SignerInformation>().Single();
            Assert.True(signer.Verify(cms.GetCertificates().EnumerateMatches(signer.SignerID).Single()));
            var bundle = await Issuing.BundleAsync(department, ids[i]);
            Assert.Equal(Convert.ToHexStringLower(Sm3HashFunction.Instance.Hash(pdf)), bundle.Certificate.GetProperty("document").GetProperty("hash").GetString());
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            Assert.Contains(holders[i], string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
            Assert.NotEmpty(signedBytes);
        }
    }

    [Fact]
    public async Task The_anchored_leaf_binds_the_exact_PDF_and_its_seal_and_a_later_revocation_does_not_change_the_document()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();
        var unsealed = await Issuing.IssueAsync(department);
        await Service.SealDocumentsAsync();
        var seal = await CreateSealAsync();
        var id = await Issuing.IssueAsync(department);
        await Service.SealDocumentsAsync();
        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        var pdf = await department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");

        var bundle = await Issuing.BundleAsync(department, id);

        var document = bundle.Certificate.GetProperty("document");
        Assert.Equal(seal, document.GetProperty("sealCode").GetString());
        Assert.Equal(Convert.ToHexStringLower(Sm3HashFunction.Instance.Hash(pdf)), document.GetProperty("hash").GetString());
        // The leaf is over the certificate including that binding, salted.
        var leaf = CertificateLeaf.Hash(new MerkleHasher(Sm3HashFunction.Instance), Convert.FromHexString(bundle.Salt), bundle.Certificate);
        Assert.Equal(bundle.LeafHash, Convert.ToHexStringLower(leaf));
        // Without an active seal at the time, the document is unsigned and the leaf says so.
        var plain = await department.GetByteArrayAsync($"/api/v1/certificates/{unsealed}/pdf");
        Assert.DoesNotContain("/ByteRange", Encoding.Latin1.GetString(plain), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await Issuing.BundleAsync(department, unsealed)).Certificate.GetProperty("document").GetProperty("sealCode").ValueKind);

        (await admin.PostAsJsonAsync($"/api/v1/admin/seals/{seal}/revoke", new { reason = 1 })).EnsureSuccessStatusCode();

        Assert.Equal(pdf, await department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf"));
    }

    [Fact]
    public async Task While_the_departments_seals_cannot_sign_its_documents_wait_rather_than_go_out_unsealed_for_ever()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();
        var seal = await CreateSealAsync();
        (await admin.PostAsJsonAsync($"/api/v1/admin/seals/{seal}/suspend", new { reason = 3 })).EnsureSuccessStatusCode();
        var id = await Issuing.IssueAsync(department);
        var dataOnly = Issuing.BusinessLicence();
        dataOnly["document"] = "none";

        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        var refusedDataOnly = await department.PostAsJsonAsync("/api/v1/certificates", dataOnly);

        Assert.Equal("pending", await Issuing.WaitForAnchoringAsync(department, id, TimeSpan.Zero));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await department.GetAsync($"/api/v1/certificates/{id}/pdf")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refusedDataOnly.StatusCode);
        Assert.Contains("seal-unavailable", await refusedDataOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await admin.PostAsJsonAsync($"/api/v1/admin/seals/{seal}/reinstate", new { })).EnsureSuccessStatusCode();
        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, id, TimeSpan.Zero));
        Assert.Equal(seal, (await Issuing.BundleAsync(department, id)).Certificate.GetProperty("document").GetProperty("sealCode").GetString());
    }

    [Fact]
    public async Task A_department_whose_seal_cannot_sign_never_holds_back_another_departments_documents()
    {
        using var demo = Service.ClientFor(TestDepartments.Demo);
        using var other = Service.ClientFor(TestDepartments.Other);
        using var admin = Service.AdminClient();
        var typeCode = Issuing.BusinessLicence()["typeCode"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Other.CreditCode}/grants", new { typeCode })).EnsureSuccessStatusCode();
        try
        {
            var seal = await CreateSealAsync();
            (await admin.PostAsJsonAsync($"/api/v1/admin/seals/{seal}/suspend", new { reason = 3 })).EnsureSuccessStatusCode();
            var blocked = await Issuing.IssueAsync(demo); // the oldest waiting document, of a department that must wait
            var free = await Issuing.IssueAsync(other);

            await using var scope = Service.Services.CreateAsyncScope();
            var sealedNow = await scope.ServiceProvider.GetRequiredService<TrustLedger.CertService.Documents.DocumentStage>().SealWaitingAsync(1, CancellationToken.None);

            Assert.Equal(1, sealedNow);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await other.GetAsync($"/api/v1/certificates/{free}/pdf")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Conflict, (await demo.GetAsync($"/api/v1/certificates/{blocked}/pdf")).StatusCode);
        }
        finally
        {
            await admin.DeleteAsync($"/api/v1/admin/departments/{TestDepartments.Other.CreditCode}/grants/{typeCode}");
        }
    }

    [Fact]
    public async Task A_seal_in_the_international_suite_signs_with_ECDSA_P256_and_SHA256_that_NET_verifies_on_its_own()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        var seal = await CreateSealAsync(SealKeyPair.EcdsaP256Sha256);
        var id = await Issuing.IssueAsync(department);
        await Service.SealDocumentsAsync();

        var pdf = await department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");

        // System.Security.Cryptography.Pkcs, not BouncyCastle: what common PDF tooling relies on.
        var (signedBytes, cms) = ExtractSignature(pdf);
        var signed = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(signedBytes), detached: true);
        signed.Decode(cms.GetEncoded());
        signed.CheckSignature(verifySignatureOnly: true);
        var signer = Assert.Single(signed.SignerInfos.Cast<System.Security.Cryptography.Pkcs.SignerInfo>());
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value); // SHA-256
        using var key = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPublicKey(signer.Certificate!)!;
        var curve = key.ExportParameters(false).Curve;
        Assert.True(curve.Oid.Value == "1.2.840.10045.3.1.7" || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256", $"curve {curve.Oid.Value} {curve.Oid.FriendlyName}"); // P-256
        Assert.Contains("CN=" + seal, signer.Certificate!.Subject, StringComparison.Ordinal);
        using var seals = Service.CreateClient();
        var view = await seals.GetFromJsonAsync<JsonElement>($"/api/v1/seals/{seal}");
        Assert.Equal(SealKeyPair.EcdsaP256Sha256, view.GetProperty("suite").GetString());
    }

    [Fact]
    public async Task A_seal_with_a_picture_draws_that_picture_on_the_documents_it_seals()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode("印", QRCoder.QRCodeGenerator.ECCLevel.L);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(8, [200, 16, 46], [255, 255, 255]); // any real PNG will do
        var code = "XA-PIC-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
            new { code, name = "行政审批专用章", type = 1, validFrom = DateTimeOffset.UtcNow.AddDays(-1), validUntil = DateTimeOffset.UtcNow.AddYears(3), picture = Convert.ToBase64String(png) });
        created.EnsureSuccessStatusCode();
        var unsealed = await Issuing.IssueAsync(department);
        var bad = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
            new { code = code + "X", name = "章", type = 1, validFrom = DateTimeOffset.UtcNow, validUntil = DateTimeOffset.UtcNow.AddYears(1), picture = Convert.ToBase64String(new byte[500]) });
        await Service.SealDocumentsAsync();

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await department.GetByteArrayAsync($"/api/v1/certificates/{unsealed}/pdf"));

        Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(Convert.ToHexStringLower(HashFunctions.Hash(Sm3HashFunction.Instance, png)), (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pictureSm3").GetString());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("seal.picture.invalid", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_signature_suite_is_refused_and_nothing_is_registered()
    {
        using var department = Service.ClientFor(TestDepartments.Demo); // onboards the department
        using var admin = Service.AdminClient();

        var response = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
            new { code = "XA-RSA-0001", name = "章", type = 1, validFrom = DateTimeOffset.UtcNow, validUntil = DateTimeOffset.UtcNow.AddYears(1), suite = "RSA-2048" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("seal.suite.unknown", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await new SealRegistryClient(Anvil.Chain.Web3, Anvil.Deployment.SealRegistry!).GetAsync("XA-RSA-0001"));
    }

    private async Task<string> CreateSealAsync(string suite = SealKeyPair.Sm2Sm3)
    {
        using var admin = Service.AdminClient();
        var code = "XA-SEAL-" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
            new { code, name = "行政审批专用章", type = 1, validFrom = DateTimeOffset.UtcNow.AddDays(-1), validUntil = DateTimeOffset.UtcNow.AddYears(3), suite });
        response.EnsureSuccessStatusCode();
        return code;
    }

    private static bool SafeVerify(SignerInformation signer, Org.BouncyCastle.X509.X509Certificate certificate)
    {
        try
        {
            return signer.Verify(certificate);
        }
        catch (CmsException)
        {
            return false; // "message-digest attribute value does not match calculated value"
        }
    }

    // The bytes covered by /ByteRange and the CMS in /Contents (hex, zero-padded to the reserved size).
    private static (byte[] Signed, CmsSignedData Cms) ExtractSignature(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Match(text);
        Assert.True(range.Success, "no /ByteRange: the PDF is not signed");
        var numbers = range.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var signed = pdf.AsSpan(numbers[0], numbers[1]).ToArray().Concat(pdf.AsSpan(numbers[2], numbers[3]).ToArray()).ToArray();
        var hex = text.Substring(numbers[0] + numbers[1] + 1, numbers[2] - numbers[0] - numbers[1] - 2);
        using var input = new Asn1InputStream(Convert.FromHexString(hex));
        var contentInfo = ContentInfo.GetInstance(input.ReadObject());
        return (signed, new CmsSignedData(new CmsProcessableByteArray(signed), contentInfo));
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*([0-9 ]+?)\s*\]")]
    private static partial Regex ByteRange();
}
