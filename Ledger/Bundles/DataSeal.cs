using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Security;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Ledger.Bundles;

/// <summary>
/// The electronic seal on a data-only certificate (no PDF): the <c>dataSeal</c> member, a signature
/// by the department's seal key over the canonical certificate without that member. It names the
/// seal, its suite, the public key (SealRegistry holds its SM3 hash) and the signing time, all of
/// which the signed message binds:
/// <c>"trustledger.data-seal.v1" 0x00 code 0x00 signedAt 0x00 JCS(certificate without dataSeal)</c>.
/// The anchored leaf covers the whole certificate, signature included.
/// </summary>
public sealed record DataSeal(string Code, string Suite, byte[] PublicKey, DateTimeOffset SignedAt, byte[] Signature)
{
    public const string Member = "dataSeal";
    private const string Domain = "trustledger.data-seal.v1";

    /// <summary>Seals a certificate's canonical JSON and returns the canonical JSON with the <c>dataSeal</c> member.</summary>
    public static string Seal(string canonicalCertificate, string code, SealKeyPair key, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = Format(signedAt);
        var signature = Sign(key, Message(code, at, Encoding.UTF8.GetBytes(canonicalCertificate)));
        var certificate = JsonNode.Parse(canonicalCertificate)!.AsObject();
        certificate[Member] = new JsonObject
        {
            ["code"] = code,
            ["suite"] = key.Suite,
            ["publicKey"] = Convert.ToHexStringLower(key.PublicKeyBytes),
            ["signedAt"] = at,
            ["signature"] = Convert.ToBase64String(signature),
        };
        return JsonCanonicalizer.CanonicalString(JsonSerializer.SerializeToElement(certificate));
    }

    /// <summary>Reads the <c>dataSeal</c> member; false with a reason when it is malformed.</summary>
    public static bool TryRead(JsonElement member, out DataSeal? seal, out string problem)
    {
        seal = null;
        problem = "";
        string? Text(string name) => member.ValueKind == JsonValueKind.Object && member.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var (code, suite, key, at, signature) = (Text("code"), Text("suite"), Text("publicKey"), Text("signedAt"), Text("signature"));
        if (code is not { Length: > 0 } || !SealKeyPair.IsKnown(suite) || key is null || at is null || signature is null)
        {
            problem = "the dataSeal member needs code, suite (SM2-SM3 or ECDSA-P256-SHA256), publicKey, signedAt and signature";
            return false;
        }

        try
        {
            seal = new DataSeal(code, suite!, Convert.FromHexString(key), DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Convert.FromBase64String(signature));
            return true;
        }
        catch (FormatException)
        {
            problem = "the dataSeal member's publicKey (hex), signedAt (RFC 3339) or signature (base64) is malformed";
            return false;
        }
    }

    /// <summary>Whether the signature is the seal key's over the certificate it sits in (the member itself excluded).</summary>
    public bool Verifies(JsonElement certificate)
    {
        var without = JsonNode.Parse(certificate.GetRawText())!.AsObject();
        without.Remove(Member);
        var message = Message(Code, Format(SignedAt), JsonCanonicalizer.Canonicalize(JsonSerializer.SerializeToElement(without)));
        try
        {
            if (Suite == SealKeyPair.Sm2Sm3)
            {
                return Sm2Signature.Verify(PublicKey, message, Signature);
            }

            var verifier = SignerUtilities.GetSigner("SHA256WITHECDSA");
            verifier.Init(false, SealKeyPair.PublicKeyFrom(Suite, PublicKey));
            verifier.BlockUpdate(message);
            return verifier.VerifySignature(Signature);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or Org.BouncyCastle.Crypto.CryptoException)
        {
            return false; // a point not on the curve or a malformed signature is simply not a valid seal
        }
    }

    private static byte[] Sign(SealKeyPair key, byte[] message)
    {
        if (key.Suite == SealKeyPair.Sm2Sm3)
        {
            return Sm2Signature.Sign(key.PrivateKey, message);
        }

        var signer = SignerUtilities.GetSigner("SHA256WITHECDSA");
        signer.Init(true, key.PrivateKey);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    private static byte[] Message(string code, string signedAt, ReadOnlySpan<byte> canonical) =>
        [.. Encoding.UTF8.GetBytes(Domain), 0, .. Encoding.UTF8.GetBytes(code), 0, .. Encoding.UTF8.GetBytes(signedAt), 0, .. canonical];

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
