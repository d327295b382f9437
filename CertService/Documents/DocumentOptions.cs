namespace TrustLedger.CertService.Documents;

/// <summary>How certificate documents are rendered. Bound from the <c>Documents</c> section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The Verifier's public address, printed in the QR code so a phone camera opens the verification page.</summary>
    public string VerifierPublicUrl { get; set; } = "http://127.0.0.1:5090";

    /// <summary>A TrueType font with CJK glyphs (Debian: fonts-droid-fallback).</summary>
    public string CjkFont { get; set; } = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>Latin text and its bold face (Debian: fonts-dejavu-core).</summary>
    public string LatinFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public string LatinBoldFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
}
