using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;

namespace TrustLedger.Verifier.Documents;

/// <summary>
/// A PDF's embedded signature (adbe.pkcs7.detached): the bytes its /ByteRange covers and the CMS in
/// /Contents. The ranges must cover the whole file except the /Contents hex string, so nothing added
/// after signing (an incremental update, a swapped page) goes unnoticed.
/// </summary>
/// <remarks>
/// The upload is an attacker's file, so it is never parsed as a PDF: a bounded, linear scan of its
/// bytes finds what the check needs. The signature dictionary cannot sit in a compressed object
/// stream (its /Contents must be a byte gap in the file itself), so its <c>/ByteRange [a b c d]</c>
/// is in the raw bytes; every such token is read, and exactly one is accepted. The gap it leaves
/// must be a hex string right after <c>/Contents</c>. The CMS is handed to BouncyCastle only once
/// its DER has been walked without recursion and found definite-length and at most
/// <see cref="MaxDerDepth"/> levels deep. Whatever this scan accepts, the document-hash check still
/// compares the whole file with the anchored hash, and the signature must verify over the covered bytes.
/// </remarks>
public sealed record EmbeddedSignature(byte[] SignedBytes, CmsSignedData Cms)
{
    /// <summary>A CMS SignedData with certificates nests about a dozen levels; far more is not a signature.</summary>
    public const int MaxDerDepth = 40;

    private const int MaxByteRangeTokens = 16;
    private static readonly byte[] ByteRangeToken = "/ByteRange"u8.ToArray();
    private static readonly byte[] ContentsToken = "/Contents"u8.ToArray();

    /// <summary>Reads the signature, or says in one sentence why the PDF has no usable one.</summary>
    public static (EmbeddedSignature? Signature, string? Problem) Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length < 8 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return (null, "the file is not a PDF (it does not start with %PDF-)");
        }

        var ranges = new List<long[]>();
        for (var at = pdf.AsSpan().IndexOf(ByteRangeToken); at >= 0;)
        {
            if (ranges.Count == MaxByteRangeTokens)
            {
                return (null, $"the PDF names more than {MaxByteRangeTokens} signature byte ranges");
            }

            var after = at + ByteRangeToken.Length;
            if (TryReadRange(pdf, after, out var range))
            {
                ranges.Add(range);
            }
            else
            {
                return (null, "the signature's /ByteRange is not an array of four non-negative integers");
            }

            var next = pdf.AsSpan(after).IndexOf(ByteRangeToken);
            at = next < 0 ? -1 : after + next;
        }

        return ranges.Count switch
        {
            0 => (null, "the PDF carries no embedded signature"),
            1 => FromRange(pdf, ranges[0]),
            _ => (null, $"the PDF carries {ranges.Count} signatures; a certificate document has exactly one"),
        };
    }

    // "/ByteRange" then white space, '[', four integers (at most 12 digits each) separated by white space, ']'.
    private static bool TryReadRange(byte[] pdf, int at, out long[] range)
    {
        range = new long[4];
        at = SkipWhiteSpace(pdf, at);
        if (at >= pdf.Length || pdf[at] != '[')
        {
            return false;
        }

        at++;
        for (var i = 0; i < 4; i++)
        {
            at = SkipWhiteSpace(pdf, at);
            var start = at;
            long value = 0;
            while (at < pdf.Length && at - start < 12 && pdf[at] is >= (byte)'0' and <= (byte)'9')
            {
                value = (value * 10) + (pdf[at] - '0');
                at++;
            }

            if (at == start || (at < pdf.Length && pdf[at] is >= (byte)'0' and <= (byte)'9'))
            {
                return false;
            }

            range[i] = value;
        }

        at = SkipWhiteSpace(pdf, at);
        return at < pdf.Length && pdf[at] == ']';
    }

    private static (EmbeddedSignature?, string?) FromRange(byte[] pdf, long[] range)
    {
        if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[2] + range[3] != pdf.Length)
        {
            return (null, $"the signature's /ByteRange [{string.Join(' ', range)}] does not cover the whole {pdf.Length}-byte file");
        }

        var gapStart = (int)range[1];
        var gapEnd = (int)range[2];
        if (pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>' || !PrecededByContents(pdf, gapStart))
        {
            return (null, "the bytes left out of the signature are not the /Contents hex string");
        }

        byte[] der;
        try
        {
            der = Convert.FromHexString(Encoding.ASCII.GetString(pdf, gapStart + 1, gapEnd - gapStart - 2));
        }
        catch (FormatException)
        {
            return (null, "the signature's /Contents is not hexadecimal");
        }

        if (!IsShallowDer(der, MaxDerDepth, out var length))
        {
            return (null, "the signature's /Contents is not a well-formed ASN.1 value of ordinary depth");
        }

        var signed = new byte[range[1] + range[3]];
        pdf.AsSpan(0, gapStart).CopyTo(signed);
        pdf.AsSpan(gapEnd, (int)range[3]).CopyTo(signed.AsSpan(gapStart));
        try
        {
            // The DER value itself, without the zeros that pad the space reserved for it.
            using var input = new Asn1InputStream(der.AsSpan(0, length).ToArray());
            var contentInfo = ContentInfo.GetInstance(input.ReadObject());
            return (new EmbeddedSignature(signed, new CmsSignedData(new CmsProcessableByteArray(signed), contentInfo)), null);
        }
        catch (Exception ex) when (ex is CmsException or ArgumentException or IOException or InvalidCastException or InvalidOperationException)
        {
            return (null, "the signature's /Contents is not a CMS SignedData");
        }
    }

    // White space and a "/Contents" name right before the gap (a comment or anything else there is not accepted).
    private static bool PrecededByContents(byte[] pdf, int gapStart)
    {
        var at = gapStart - 1;
        while (at >= 0 && IsWhiteSpace(pdf[at]))
        {
            at--;
        }

        var start = at - ContentsToken.Length + 1;
        return start >= 0 && pdf.AsSpan(start, ContentsToken.Length).SequenceEqual(ContentsToken);
    }

    /// <summary>
    /// Walks a BER/DER value's headers without recursion (CMS signatures are often BER, with
    /// indefinite lengths closed by end-of-contents octets): every definite length inside its parent,
    /// indefinite lengths only on constructed values, at most <paramref name="maxDepth"/> nested
    /// constructed values. Returns the first value's whole length (what follows it is padding).
    /// </summary>
    public static bool IsShallowDer(ReadOnlySpan<byte> der, int maxDepth, out int length)
    {
        length = 0;
        var at = 0;
        // Each open constructed value: where it ends, or -1 while its end-of-contents is still to come.
        var open = new Stack<int>();
        do
        {
            if (open.Count > 0)
            {
                var end = open.Peek();
                if (end == at || (end < 0 && at + 1 < der.Length && der[at] == 0 && der[at + 1] == 0))
                {
                    at += end < 0 ? 2 : 0;
                    open.Pop();
                    continue;
                }
            }

            if (!TryReadHeader(der, ref at, out var constructed, out var contentLength))
            {
                return false;
            }

            var limit = open.Count > 0 && open.Peek() >= 0 ? open.Peek() : der.Length;
            // (limit - at, not at + contentLength: a length near int.MaxValue would wrap below zero.)
            if (contentLength < 0 ? !constructed : contentLength > limit - at)
            {
                return false;
            }

            if (!constructed)
            {
                at += contentLength;
            }
            else if (open.Count >= maxDepth)
            {
                return false;
            }
            else
            {
                open.Push(contentLength < 0 ? -1 : at + contentLength);
            }
        }
        while (open.Count > 0);

        length = at;
        return length > 0;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> der, ref int at, out bool constructed, out int contentLength)
    {
        constructed = false;
        contentLength = 0;
        if (at >= der.Length)
        {
            return false;
        }

        var tag = der[at++];
        constructed = (tag & 0x20) != 0;
        if ((tag & 0x1F) == 0x1F)
        {
            // High tag numbers: base-128, at most four bytes.
            var count = 0;
            while (at < der.Length && (der[at] & 0x80) != 0 && count++ < 4)
            {
                at++;
            }

            if (at >= der.Length || count > 4)
            {
                return false;
            }

            at++;
        }

        if (at >= der.Length)
        {
            return false;
        }

        var first = der[at++];
        if (first < 0x80)
        {
            contentLength = first;
            return true;
        }

        var octets = first & 0x7F;
        if (octets == 0)
        {
            contentLength = -1; // indefinite (BER): closed by end-of-contents octets
            return true;
        }

        if (octets > 4)
        {
            return false; // larger than any upload
        }

        long value = 0;
        for (var i = 0; i < octets; i++)
        {
            if (at >= der.Length)
            {
                return false;
            }

            value = (value << 8) | der[at++];
        }

        if (value > int.MaxValue)
        {
            return false;
        }

        contentLength = (int)value;
        return true;
    }

    private static int SkipWhiteSpace(byte[] pdf, int at)
    {
        while (at < pdf.Length && IsWhiteSpace(pdf[at]))
        {
            at++;
        }

        return at;
    }

    // PDF white space: NUL, TAB, LF, FF, CR, SP.
    private static bool IsWhiteSpace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;
}
