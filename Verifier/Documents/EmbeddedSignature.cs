using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace TrustLedger.Verifier.Documents;

/// <summary>
/// A PDF's embedded signature (adbe.pkcs7.detached): the bytes its /ByteRange covers and the CMS in
/// /Contents. The document is parsed with PDFsharp to find the one signature dictionary; the ranges
/// must cover the whole file except the /Contents hex string, so nothing added after signing
/// (an incremental update, a swapped page) goes unnoticed.
/// </summary>
public sealed record EmbeddedSignature(byte[] SignedBytes, CmsSignedData Cms)
{
    /// <summary>Reads the signature, or says in one sentence why the PDF has no usable one.</summary>
    public static (EmbeddedSignature? Signature, string? Problem) Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        List<long[]> ranges;
        try
        {
            using var stream = new MemoryStream(pdf, writable: false);
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            ranges = document.Internals.GetAllObjects()
                .OfType<PdfDictionary>()
                .Where(d => d.Elements.ContainsKey("/ByteRange"))
                .Select(d => d.Elements.GetArray("/ByteRange"))
                .Select(a => a is { Elements.Count: 4 } ? Enumerable.Range(0, 4).Select(i => (long)a.Elements.GetInteger(i)).ToArray() : [])
                .ToList();
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException or IndexOutOfRangeException or NullReferenceException)
        {
            return (null, $"the file cannot be read as a PDF ({ex.GetType().Name})");
        }

        if (ranges.Count == 0)
        {
            return (null, "the PDF carries no embedded signature");
        }

        if (ranges.Count > 1)
        {
            return (null, $"the PDF carries {ranges.Count} signatures; a certificate document has exactly one");
        }

        return FromRange(pdf, ranges[0]);
    }

    private static (EmbeddedSignature?, string?) FromRange(byte[] pdf, long[] range)
    {
        if (range.Length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[3] < 0 || range[2] + range[3] != pdf.Length)
        {
            return (null, $"the signature's /ByteRange [{string.Join(' ', range)}] does not cover the whole {pdf.Length}-byte file");
        }

        var gapStart = (int)range[1];
        var gapEnd = (int)range[2];
        if (pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>')
        {
            return (null, "the bytes left out of the signature are not the /Contents hex string");
        }

        byte[] der;
        try
        {
            der = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(pdf, gapStart + 1, gapEnd - gapStart - 2));
        }
        catch (FormatException)
        {
            return (null, "the signature's /Contents is not hexadecimal");
        }

        var signed = new byte[range[1] + range[3]];
        pdf.AsSpan(0, gapStart).CopyTo(signed);
        pdf.AsSpan(gapEnd, (int)range[3]).CopyTo(signed.AsSpan(gapStart));
        try
        {
            using var input = new Asn1InputStream(der);
            var contentInfo = ContentInfo.GetInstance(input.ReadObject());
            return (new EmbeddedSignature(signed, new CmsSignedData(new CmsProcessableByteArray(signed), contentInfo)), null);
        }
        catch (Exception ex) when (ex is CmsException or ArgumentException or IOException or InvalidCastException)
        {
            return (null, $"the signature's /Contents is not a CMS SignedData ({ex.GetType().Name})");
        }
    }
}
