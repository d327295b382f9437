using PdfSharp.Drawing;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// Draws a line that mixes Chinese and Latin: PDFsharp has no per-glyph font fallback, so the text
/// is cut into runs by script and each run is drawn in the face that has its glyphs.
/// </summary>
public static class MixedText
{
    public static double Measure(XGraphics graphics, string text, double size, bool bold = false) =>
        Runs(text).Sum(run => graphics.MeasureString(run.Text, Font(run.Cjk, size, bold)).Width);

    /// <summary>Draws <paramref name="text"/> with its baseline at y, starting at x; returns the width drawn.</summary>
    public static double Draw(XGraphics graphics, string text, double x, double y, double size, XBrush brush, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        var start = x;
        foreach (var run in Runs(text))
        {
            var font = Font(run.Cjk, size, bold);
            graphics.DrawString(run.Text, font, brush, x, y);
            x += graphics.MeasureString(run.Text, font).Width;
        }

        return x - start;
    }

    public static void DrawCentered(XGraphics graphics, string text, double centreX, double y, double size, XBrush brush, bool bold = false) =>
        Draw(graphics, text, centreX - (Measure(graphics, text, size, bold) / 2), y, size, brush, bold);

    private static XFont Font(bool cjk, double size, bool bold) =>
        new(cjk ? DocumentFonts.Cjk : DocumentFonts.Latin, size, bold && !cjk ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private static IEnumerable<(string Text, bool Cjk)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsCjk(text[i]) != IsCjk(text[start]))
            {
                yield return (text[start..i], IsCjk(text[start]));
                start = i;
            }
        }
    }

    // CJK ideographs, punctuation and full-width forms need the CJK face; everything else the Latin one.
    private static bool IsCjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF');
}
