using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Parameters;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Verifier.Documents;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the PDF carries exactly one embedded signature that covers the whole file but its
/// own /Contents, made by one signer whose certificate travels in the CMS, in the SM2-SM3 or the
/// ECDSA-P256-SHA256 suite, and the signature verifies over the signed attributes whose message digest is
/// that of the signed bytes. Who the key belongs to is the next check's business.
/// </summary>
public sealed class DocumentSignatureCheck : IDocumentCheck
{
    public const string CheckName = "document-signature";

    private const string Sm3 = "1.2.156.10197.1.401";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [];

    public Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var (signature, problem) = EmbeddedSignature.Read(evidence.Document!);
        if (signature is null)
        {
            return Task.FromResult(CheckResult.Fail(Name, problem!));
        }

        var signers = signature.Cms.GetSignerInfos().GetSigners().ToList();
        if (signers.Count != 1)
        {
            return Task.FromResult(CheckResult.Fail(Name, $"the signature has {signers.Count} signers; a sealed document has one"));
        }

        var signer = signers[0];
        var certificate = signature.Cms.GetCertificates().EnumerateMatches(signer.SignerID).FirstOrDefault();
        if (certificate is null)
        {
            return Task.FromResult(CheckResult.Fail(Name, "the signature does not carry its signer's certificate"));
        }

        var suite = signer.DigestAlgorithmID.Algorithm.Id switch
        {
            Sm3 => SealKeyPair.Sm2Sm3,
            Sha256 => SealKeyPair.EcdsaP256Sha256,
            _ => null,
        };
        // The digest and the key's curve must make one suite: no SM2 key with SHA-256, no P-256 with SM3.
        // The key's curve is judged by its full domain parameters, and it is used under the standard ones only.
        if (suite is null || certificate.GetPublicKey() is not ECPublicKeyParameters embedded || SealKeyPair.SuiteOf(embedded) != suite
            || SealKeyPair.Standardised(embedded) is not { } publicKey)
        {
            return Task.FromResult(CheckResult.Fail(Name, $"unsupported signature suite (digest {signer.DigestAlgorithmID.Algorithm.Id}); expected SM2 with SM3 or ECDSA P-256 with SHA-256"));
        }

        if (!Verifies(signer, publicKey))
        {
            return Task.FromResult(CheckResult.Fail(Name, "the signature does not verify over the document's bytes: the file was changed after it was sealed, or the signature is forged"));
        }

        var ses = SesSignatureInfo.From(signer.SignedAttributes);
        var signingTime = ses?.TimeInfo ?? SigningTimeOf(signer);
        if (signingTime is null)
        {
            return Task.FromResult(CheckResult.Fail(Name, "the signature states no signing time"));
        }

        evidence.Seal = new DocumentSeal(publicKey.Q.GetEncoded(false), signingTime.Value, signer.GetContentDigest(), ses, suite);
        return Task.FromResult(CheckResult.Pass(Name, $"one {suite} signature over the whole file by {certificate.SubjectDN}, made {signingTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
    }

    // Verified with the bare key: the certificate's dates are the seal's window, judged against the
    // chain by the seal-validity check, not silently here.
    private static bool Verifies(SignerInformation signer, ECPublicKeyParameters publicKey)
    {
        try
        {
            return signer.Verify(publicKey);
        }
        catch (Exception ex) when (ex is CmsException or InvalidOperationException or ArgumentException)
        {
            // "message-digest attribute value does not match calculated value", or a malformed signer.
            return false;
        }
    }

    private static DateTimeOffset? SigningTimeOf(SignerInformation signer) =>
        signer.SignedAttributes?[CmsAttributes.SigningTime] is { AttrValues.Count: 1 } attribute
            ? new DateTimeOffset(Time.GetInstance(attribute.AttrValues[0]).ToDateTime(), TimeSpan.Zero)
            : null;
}
