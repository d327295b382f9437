using PdfSharp.Fonts;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// The fonts PDFsharp embeds (as subsets): a CJK face and a Latin face with its bold. PDFsharp's
/// resolver is process-wide, so it is installed once.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Cjk = "TrustLedger CJK";
    public const string Latin = "TrustLedger Latin";

    private static readonly Lock Gate = new();
    private static DocumentFonts? _installed;
    private readonly Dictionary<string, byte[]> _faces;

    private DocumentFonts(DocumentOptions options)
    {
        _faces = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cjk"] = Read(options.CjkFont),
            ["latin"] = Read(options.LatinFont),
            ["latin-bold"] = Read(options.LatinBoldFont),
        };
    }

    public static void Install(DocumentOptions options)
    {
        lock (Gate)
        {
            if (_installed is null)
            {
                _installed = new DocumentFonts(options);
                GlobalFontSettings.FontResolver = _installed;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Cjk => new FontResolverInfo("cjk", bold, false),
        _ => new FontResolverInfo(bold ? "latin-bold" : "latin"),
    };

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static byte[] Read(string path) => File.Exists(path)
        ? File.ReadAllBytes(path)
        : throw new FileNotFoundException($"font {path} is missing: devnet/setup.sh installs Debian's fonts-droid-fallback and fonts-dejavu-core", path);
}
