using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Documents;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Tests.Testing;

/// <summary>
/// What a department could do around CertService: render a certificate it issued, seal it with a
/// key of its choosing at a time of its choosing, and anchor the result itself under its own
/// account. Everything the chain can check is genuine; only the seal is what the test chooses, so a
/// verification failure isolates the seal checks.
/// </summary>
public static class SelfAnchoredDocument
{
    public static async Task<(byte[] Pdf, CertificateBundle Bundle)> CreateAsync(
        AnvilNode anvil, CertServiceFactory service, CertificateBundle genuine, ActiveSeal seal, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(anvil);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(genuine);
        ArgumentNullException.ThrowIfNull(seal);
        var issued = JsonNode.Parse(genuine.Certificate.GetRawText())!.AsObject();
        issued.Remove("document");
        var typeCode = issued["typeCode"]!.GetValue<string>();
        var typeVersion = issued["typeVersion"]!.GetValue<int>();
        CertificateTypeRecord type;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
            type = await store.CertificateTypes.AsNoTracking().SingleAsync(t => t.Code == typeCode && t.Version == typeVersion);
            DocumentFonts.Install(scope.ServiceProvider.GetRequiredService<IOptions<DocumentOptions>>().Value);
        }

        using var certificate = JsonDocument.Parse(issued.ToJsonString());
        var pdf = CertificatePdf.Render(certificate.RootElement, type, "http://127.0.0.1:5090/v/self-anchored",
            new SealSigner(seal, "certificate:" + issued["identifier"], signingTime));
        var anchored = CertificateDocument.WithDocument(
            JsonCanonicalizer.CanonicalString(certificate.RootElement), Convert.ToHexStringLower(Sm3HashFunction.Instance.Hash(pdf)), "SM3", seal.Code);
        return (pdf, await AnchorAsync(anvil, anchored, typeCode));
    }

    /// <summary>
    /// A data-only certificate with the genuine data, sealed with <paramref name="seal"/>'s key under
    /// its code at <paramref name="signedAt"/>, optionally edited after sealing, and self-anchored.
    /// </summary>
    public static Task<CertificateBundle> CreateDataOnlyAsync(
        AnvilNode anvil, CertificateBundle genuine, ActiveSeal seal, DateTimeOffset signedAt, Action<JsonObject>? afterSealing = null)
    {
        ArgumentNullException.ThrowIfNull(anvil);
        ArgumentNullException.ThrowIfNull(genuine);
        ArgumentNullException.ThrowIfNull(seal);
        var issued = JsonNode.Parse(genuine.Certificate.GetRawText())!.AsObject();
        issued.Remove(DataSeal.Member);
        issued.Remove("document");
        var sealedJson = DataSeal.Seal(JsonCanonicalizer.CanonicalString(JsonSerializer.SerializeToElement(issued)), seal.Code, seal.Key, signedAt);
        var edited = JsonNode.Parse(sealedJson)!.AsObject();
        afterSealing?.Invoke(edited);
        return AnchorAsync(anvil, JsonCanonicalizer.CanonicalString(JsonSerializer.SerializeToElement(edited)), issued["typeCode"]!.GetValue<string>());
    }

    // Anchors one certificate as a tree of one leaf under the demo department's own account.
    private static async Task<CertificateBundle> AnchorAsync(AnvilNode anvil, string anchored, string typeCode)
    {
        var salt = RandomNumberGenerator.GetBytes(CertificateLeaf.SaltSize);
        var hasher = new MerkleHasher(Sm3HashFunction.Instance);
        var leaf = CertificateLeaf.Hash(hasher, salt, Encoding.UTF8.GetBytes(anchored));
        var root = MerkleTree.Build(hasher, [leaf]).Root;
        using var sender = anvil.NewSender(TestDepartments.Demo.Key);
        var outcome = await anvil.Anchor.AnchorAsync(sender, root, 1, HashAlgorithmId.Sm3, [typeCode]);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"self-anchoring was refused: {outcome.Revert}");
        }

        using var parsed = JsonDocument.Parse(anchored);
        var bundle = new CertificateBundle(
            CertificateBundle.FormatV1,
            parsed.RootElement.Clone(),
            Convert.ToHexStringLower(salt),
            "SM3",
            Convert.ToHexStringLower(leaf),
            new BundleProof(0, 1, [], Convert.ToHexStringLower(root)),
            new BundleAnchor(anvil.ChainId, anvil.Deployment.CertificateAnchor, anvil.Deployment.IssuerRegistry, outcome.TransactionHash!, outcome.BlockNumber!.Value));
        return bundle;
    }
}
