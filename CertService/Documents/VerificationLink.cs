using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// What the QR code on a certificate holds: the Verifier's page for the certificate and a short
/// check value derived from the certificate's secret salt. The id alone (a UUIDv7, partly a
/// timestamp) could be guessed; the check value cannot, so only someone holding the document can
/// open its page. It is known before the PDF is rendered, so the PDF (whose hash the leaf binds)
/// can carry it.
/// </summary>
public static class VerificationLink
{
    private static readonly byte[] Domain = "trustledger.qr.v1"u8.ToArray();

    public static string For(string verifierPublicUrl, Guid certificateId, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(verifierPublicUrl);
        return $"{verifierPublicUrl.TrimEnd('/')}/v/{certificateId}?h={CheckValue(certificateId, salt)}";
    }

    /// <summary>The first 64 bits of SM3(domain || id || salt), as 16 hex digits.</summary>
    public static string CheckValue(Guid certificateId, byte[] salt) =>
        Convert.ToHexStringLower(Sm3HashFunction.Instance.Hash([.. Domain, .. certificateId.ToByteArray(), .. salt]))[..16];
}
