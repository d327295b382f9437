using System.Globalization;
using System.Text.Json;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// Renders a certificate to an A4 PDF: the type's names, the national identifier, holder and every
/// field with its Chinese label (from the type's schema), validity, issuer, a visible seal mark and
/// a QR code that opens the Verifier's page for this certificate. The text layer is real text.
/// </summary>
public static class CertificatePdf
{
    private const double Width = 595;
    private const double Left = 70;
    private const double ValueColumn = 210;
    private const double ValueWidth = Width - ValueColumn - 60;
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XColor SealRed = XColor.FromArgb(200, 16, 46);

    /// <summary>
    /// Renders the page; with a <paramref name="seal"/>, the saved file carries the seal's embedded
    /// signature; with a <paramref name="sealPicture"/> (PNG), that picture is the visible seal mark.
    /// </summary>
    public static byte[] Render(JsonElement certificate, CertificateTypeRecord type, string verificationUrl, IDigitalSigner? seal = null, byte[]? sealPicture = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var document = new PdfDocument();
        var identifier = certificate.GetProperty("identifier").GetString()!;
        document.Info.Title = $"{type.NameZh} {identifier}";
        document.Info.Subject = identifier;
        document.Info.Creator = "TrustLedger";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(842);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            DrawFrame(graphics);
            MixedText.DrawCentered(graphics, type.NameZh, Width / 2, 100, 28, Ink, bold: true);
            MixedText.DrawCentered(graphics, type.NameEn, Width / 2, 124, 12, Muted);
            MixedText.DrawCentered(graphics, "证照标识 Identifier: " + identifier, Width / 2, 150, 7.5, Muted);

            var y = 190.0;
            var holder = certificate.GetProperty("holder");
            y = Row(graphics, "持证主体 Holder", holder.GetProperty("name").GetString()!, y);
            y = Row(graphics, holder.GetProperty("codeType").GetString() == "111" ? "身份证件号 ID No." : "统一社会信用代码", holder.GetProperty("code").GetString()!, y);
            var labels = Labels(type.FieldsSchema);
            foreach (var field in certificate.GetProperty("fields").EnumerateObject())
            {
                y = Row(graphics, labels.GetValueOrDefault(field.Name, field.Name), Text(field.Value), y);
            }

            y = Row(graphics, "管辖属地 Division", certificate.GetProperty("divisionCode").GetString()!, y);
            var until = certificate.TryGetProperty("validUntil", out var u) ? u.GetString()! : "长期 Permanent";
            y = Row(graphics, "有效期限 Valid", $"{certificate.GetProperty("validFrom").GetString()} — {until}", y);
            Row(graphics, "颁证日期 Issued", certificate.GetProperty("issuedAt").GetString()![..10], y);

            var issuer = certificate.GetProperty("issuer");
            if (sealPicture is null)
            {
                DrawSeal(graphics, issuer.GetProperty("name").GetString()!, 430, 680);
            }
            else
            {
                using var picture = XImage.FromStream(new MemoryStream(sealPicture, writable: false));
                graphics.DrawImage(picture, 430 - 60, 680 - 60, 120, 120);
            }
            MixedText.Draw(graphics, "颁证机构 Issuer: " + issuer.GetProperty("name").GetString(), 300, 775, 10, Ink);
            QrCodeDrawing.Draw(graphics, verificationUrl, Left, 630, 110);
            MixedText.Draw(graphics, "扫码核验 Scan to verify", Left + 8, 755, 9, Muted);
        }

        if (seal is not null)
        {
            DigitalSignatureHandler.ForDocument(document, seal, new DigitalSignatureOptions
            {
                Reason = "电子证照签章 Electronic certificate seal",
                Location = certificate.GetProperty("divisionCode").GetString() ?? "",
                AppName = "TrustLedger",
                ContactInfo = certificate.GetProperty("issuer").GetProperty("code").GetString() ?? "",
            });
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static double Row(XGraphics graphics, string label, string value, double y)
    {
        MixedText.Draw(graphics, label, Left, y, 10.5, Muted);
        foreach (var line in Wrap(graphics, value, 10.5))
        {
            MixedText.Draw(graphics, line, ValueColumn, y, 10.5, Ink);
            y += 16;
        }

        return y + 6;
    }

    // Greedy wrap by character: Chinese has no spaces to break at.
    private static List<string> Wrap(XGraphics graphics, string text, double size)
    {
        var lines = new List<string>();
        var start = 0;
        for (var end = 1; end <= text.Length; end++)
        {
            if (MixedText.Measure(graphics, text[start..end], size) > ValueWidth && end - start > 1)
            {
                lines.Add(text[start..(end - 1)]);
                start = end - 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    private static void DrawFrame(XGraphics graphics)
    {
        var gold = new XPen(XColor.FromArgb(170, 130, 60), 2);
        graphics.DrawRectangle(gold, 30, 30, Width - 60, 782);
        graphics.DrawRectangle(new XPen(XColor.FromArgb(170, 130, 60), 0.6), 38, 38, Width - 76, 766);
    }

    // The visible seal mark: a red ring with a star and the issuing department's name.
    private static void DrawSeal(XGraphics graphics, string issuer, double centreX, double centreY)
    {
        const double radius = 58;
        var red = new XSolidBrush(SealRed);
        graphics.DrawEllipse(new XPen(SealRed, 3), centreX - radius, centreY - radius, 2 * radius, 2 * radius);
        var star = Enumerable.Range(0, 10).Select(i =>
        {
            var r = i % 2 == 0 ? 16 : 6.5;
            var angle = (Math.PI / 2) + (i * Math.PI / 5);
            return new XPoint(centreX + (r * Math.Cos(angle)), centreY - (r * Math.Sin(angle)));
        }).ToArray();
        graphics.DrawPolygon(red, star, XFillMode.Winding);
        var name = issuer.Length > 10 ? issuer[..10] : issuer;
        MixedText.DrawCentered(graphics, name, centreX, centreY - 24, 8.5, red);
        MixedText.DrawCentered(graphics, "电子印章", centreX, centreY + 34, 8, red);
    }

    private static Dictionary<string, string> Labels(string fieldsSchema)
    {
        using var schema = JsonDocument.Parse(fieldsSchema);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        // Types are checked to define every field as an object with a text description; a type stored
        // before that check may not, and its fields then show under their names.
        if (schema.RootElement.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out var description)
                    && description.ValueKind == JsonValueKind.String && description.GetString() is { Length: > 0 } text)
                {
                    // "注册资本, e.g. 1000万元人民币" → "注册资本"
                    labels[property.Name] = text.Split([',', ':', '(', '（'], 2)[0].Trim();
                }
            }
        }

        return labels;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
