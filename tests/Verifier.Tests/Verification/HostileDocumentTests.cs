using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;
using static TrustLedger.Tests.Testing.VerificationReports;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// The PDF endpoint is anonymous and takes an attacker's file: it is never parsed as a PDF, only
/// scanned, so no file can overflow the stack, inflate in memory or crash the service. Each
/// malformed document is a report with document-signature failed and a plain reason.
/// </summary>
public sealed class HostileDocumentTests(SealedDocumentFixture fixture) : IClassFixture<SealedDocumentFixture>
{
    public static TheoryData<string> Cases => new(Hostile.Keys);

    private static readonly Dictionary<string, Func<byte[], byte[]>> Hostile = new(StringComparer.Ordinal)
    {
        // 400 KB of nested arrays: a recursive parser runs out of stack.
        ["nested arrays"] = _ => Ascii("%PDF-1.7\n1 0 obj\n" + new string('[', 200_000) + new string(']', 200_000) + "\nendobj\n%%EOF\n"),
        // An object stream that inflates to 200 MiB: a parser that decompresses takes the memory with it.
        ["decompression bomb"] = _ => Concat(Ascii("%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 0 /Filter /FlateDecode /Length 0 >>\nstream\n"), Deflated(200 * 1024 * 1024), Ascii("\nendstream\nendobj\n%%EOF\n")),
        ["truncated"] = genuine => genuine[..(genuine.Length / 2)],
        ["garbage after the header"] = _ => Concat(Ascii("%PDF-1.7\n"), Enumerable.Range(0, 50_000).Select(i => (byte)(i * 31)).ToArray()),
        ["contents not hex"] = genuine => Replace(genuine, "/Contents<30", "/Contents<zz"),
        ["byte range not integers"] = genuine => Replace(genuine, "/ByteRange[0 ", "/ByteRange[x "),
        ["byte range beyond the file"] = genuine => Replace(genuine, "/ByteRange[0 ", "/ByteRange[9 "),
        ["two signatures"] = genuine => Concat(genuine, Ascii("\n2 0 obj << /ByteRange [0 1 2 3] /Contents <00> >> endobj\n")),
        ["contents nested too deep"] = genuine => ReplaceContents(genuine, DeepDer(100_000)),
        ["contents never closed"] = genuine => ReplaceContents(genuine, [0x30, 0x80, 0x30, 0x80, 0x05, 0x00]),
        ["contents an empty sequence"] = genuine => ReplaceContents(genuine, [0x30, 0x80, 0x00, 0x00]),
        // An OCTET STRING claiming 2^31 - 1 bytes inside an indefinite SEQUENCE: an int sum of offset and length wraps below zero.
        ["contents a length near int.MaxValue"] = genuine => ReplaceContents(genuine, [0x30, 0x80, 0x04, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x00, 0x00]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_document_gets_a_report_with_the_signature_check_failed_and_the_service_stays_up(string name)
    {
        var (genuine, bundle) = fixture.Documents[0];
        var hostile = Hostile[name](genuine);
        using var client = fixture.Verifier.CreateClient();
        using var form = VerifierRequests.PdfForm(hostile, bundle);

        var response = await client.PostAsync("/api/v1/verify/pdf", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid", report.GetProperty("verdict").GetString());
        Assert.Contains("document-signature", Failed(report));
        var detail = Detail(report, "document-signature");
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public void The_DER_walk_accepts_a_real_signature_and_refuses_what_is_not_DER()
    {
        var (genuine, _) = fixture.Documents[0];
        var signature = TrustLedger.Verifier.Documents.EmbeddedSignature.Read(genuine);
        Assert.NotNull(signature.Signature);
        var der = signature.Signature!.Cms.GetEncoded();

        Assert.True(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer(der, TrustLedger.Verifier.Documents.EmbeddedSignature.MaxDerDepth, out var length));
        Assert.Equal(der.Length, length);
        Assert.False(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer(der.AsSpan(0, der.Length - 1), 40, out _)); // truncated
        Assert.False(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer(DeepDer(50), 40, out _));
        Assert.True(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer(DeepDer(30), 40, out _));
        Assert.False(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer([0x30, 0x85, 1, 2, 3, 4, 5], 40, out _)); // a length of five octets
        Assert.False(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer([0x04, 0x80, 0x00, 0x00], 40, out _)); // indefinite, but primitive
        Assert.True(TrustLedger.Verifier.Documents.EmbeddedSignature.IsShallowDer([0x30, 0x80, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00], 40, out var closed)); // BER, then padding
        Assert.Equal(6, closed);
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Deflated(int zeros)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (var written = 0; written < zeros; written += chunk.Length)
            {
                zlib.Write(chunk);
            }
        }

        return output.ToArray();
    }

    private static byte[] Replace(byte[] pdf, string find, string with)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the genuine document has no '{find}'");
        return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + find.Length)));
    }

    // The /Contents hex string's content replaced by other DER (same length, zero-padded), so the byte range still fits.
    private static byte[] ReplaceContents(byte[] pdf, byte[] der)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf("/Contents<30", StringComparison.Ordinal) + "/Contents<".Length;
        var end = text.IndexOf('>', start);
        var hex = Convert.ToHexString(der);
        Assert.True(hex.Length <= end - start, "the reserved space is too small for the test's DER");
        return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, start), hex.PadRight(end - start, '0'), text.AsSpan(end)));
    }

    // SEQUENCE inside SEQUENCE … depth times (two-byte length headers throughout).
    private static byte[] DeepDer(int depth)
    {
        var der = new byte[] { 0x05, 0x00 };
        for (var i = 0; i < depth && der.Length < 2_000; i++)
        {
            der = der.Length < 128 ? [0x30, (byte)der.Length, .. der] : [0x30, 0x82, (byte)(der.Length >> 8), (byte)der.Length, .. der];
        }

        return der;
    }
}
