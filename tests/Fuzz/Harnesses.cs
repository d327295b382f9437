using System.Text;
using System.Text.Json;
using TrustLedger.CertService.Batches;
using TrustLedger.CertService.DataTrust;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Verifier.Citizen;
using TrustLedger.Verifier.Documents;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Fuzz;

/// <summary>
/// One harness per parser that takes an attacker's bytes. Each catches exactly the refusals its
/// endpoint turns into a 400 (or a report); any other exception escapes, and the fuzzer records the
/// input as a crash: it would have been a 500, or worse.
/// </summary>
public static class Harnesses
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["canonicalizer"] = Canonicalizer,
        ["bundle"] = Bundle,
        ["pdf-signature"] = PdfSignature,
        ["qr-payload"] = Qr,
        ["csv-batch"] = CsvBatch,
        ["json-batch"] = JsonBatch,
        ["dataset-csv"] = input => Dataset(input, jsonLines: false),
        ["dataset-ndjson"] = input => Dataset(input, jsonLines: true),
    };

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void Canonicalizer(byte[] input)
    {
        if (!TryText(input, out var text))
        {
            return;
        }

        try
        {
            var canonical = JsonCanonicalizer.Canonicalize(text);
            // The canonical form is a fixed point: canonicalising it again changes nothing.
            if (!JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetString(canonical)).AsSpan().SequenceEqual(canonical))
            {
                throw new InvalidOperationException("the canonical form is not canonical");
            }
        }
        catch (Exception e) when (e is CanonicalJsonException or JsonException)
        {
        }
    }

    private static void Bundle(byte[] input)
    {
        CertificateBundle? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<CertificateBundle>(input, StrictJson.Options);
        }
        catch (JsonException)
        {
            return;
        }

        BundleReader.Read(bundle);
    }

    private static void PdfSignature(byte[] input) => EmbeddedSignature.Read(input);

    private static void Qr(byte[] input)
    {
        if (TryText(input, out var text))
        {
            QrPayload.TryParse(text, "http://127.0.0.1:5090", out _, out _);
        }
    }

    private static void CsvBatch(byte[] input)
    {
        try
        {
            Drain(CsvBatchReader.ReadAsync(new MemoryStream(input), CancellationToken.None));
        }
        catch (Exception e) when (e is JsonException or CsvHelper.CsvFormatException or DecoderFallbackException)
        {
        }
    }

    private static void JsonBatch(byte[] input)
    {
        try
        {
            Drain(JsonBatchReader.ReadAsync(new MemoryStream(input), CancellationToken.None));
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
        }
    }

    private static void Dataset(byte[] input, bool jsonLines)
    {
        try
        {
            Drain(new DatasetReader(new MemoryStream(input), jsonLines).RowsAsync(CancellationToken.None));
        }
        catch (DatasetFormatException)
        {
        }
    }

    private static void Drain<T>(IAsyncEnumerable<T> items)
    {
        var enumerator = items.GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool TryText(byte[] input, out string text)
    {
        try
        {
            text = Strict.GetString(input);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
