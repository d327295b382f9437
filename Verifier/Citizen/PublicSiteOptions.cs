namespace TrustLedger.Verifier.Citizen;

/// <summary>
/// Where citizens reach this Verifier (<c>Verifier:PublicUrl</c>): the address CertService prints in
/// every QR code (its <c>Documents:VerifierPublicUrl</c> must be the same). A QR payload naming any
/// other address is not this Verifier's code and is refused.
/// </summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Verifier";

    public string PublicUrl { get; set; } = "http://127.0.0.1:5090";
}
