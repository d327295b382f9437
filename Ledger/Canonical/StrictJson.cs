using System.Text;
using System.Text.Json;

namespace TrustLedger.Ledger.Canonical;

/// <summary>
/// How TrustLedger reads JSON and text a caller sent: a member given twice is refused (it has no one
/// meaning, and no canonical form), and bytes that are not UTF-8 are refused rather than quietly
/// replaced with U+FFFD (which would hash a row the sender never wrote).
/// </summary>
public static class StrictJson
{
    /// <summary><see cref="JsonSerializerOptions.Web"/> with duplicate members refused.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { AllowDuplicateProperties = false };

    public static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on an invalid byte sequence.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader of <paramref name="body"/> as strict UTF-8 (a leading byte-order mark is skipped).</summary>
    public static StreamReader Reader(Stream body) => new(body, Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
}
