using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.CertService.DataTrust;

/// <summary>A dataset file that cannot be read: which row, and why. Nothing is anchored.</summary>
public sealed class DatasetFormatException(long row, string message) : Exception($"row {row}: {message}")
{
    public long Row => row;
}

/// <summary>
/// Reads a dataset one row at a time, never whole: CSV (RFC 4180, UTF-8, header row; every value a
/// string) or JSON Lines (one object per line, the same members in every line). Each row is handed
/// out as its RFC 8785 canonical JSON; <see cref="Columns"/> is the schema, known after the header
/// (CSV) or the first line (JSON Lines).
/// </summary>
public sealed class DatasetReader(Stream body, bool jsonLines)
{
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public static bool TryFormat(string? contentType, out bool jsonLines)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        jsonLines = media is "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines";
        return jsonLines || media is "text/csv";
    }

    public IAsyncEnumerable<byte[]> RowsAsync(CancellationToken cancellationToken) => jsonLines ? JsonLinesAsync(cancellationToken) : CsvAsync(cancellationToken);

    private async IAsyncEnumerable<byte[]> CsvAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(body, new CsvReaderOptions { HasHeader = true }, true);
        await csv.ReadHeaderAsync(cancellationToken);
        var headers = csv.Headers.ToArray();
        if (headers.Length == 0 || headers.Any(string.IsNullOrWhiteSpace) || headers.Distinct(StringComparer.Ordinal).Count() != headers.Length)
        {
            throw new DatasetFormatException(0, "the header must name every column, each once");
        }

        Columns = headers.Order(StringComparer.Ordinal).ToArray();
        long row = 0;
        var members = new KeyValuePair<string, string?>[headers.Length];
        while (await csv.ReadAsync(cancellationToken))
        {
            row++;
            if (csv.FieldCount != headers.Length)
            {
                throw new DatasetFormatException(row, $"{csv.FieldCount} values for {headers.Length} columns");
            }

            for (var i = 0; i < headers.Length; i++)
            {
                members[i] = new KeyValuePair<string, string?>(headers[i], csv.GetStringOrNull(i) ?? "");
            }

            yield return JsonCanonicalizer.CanonicalizeStrings(members);
        }
    }

    private async IAsyncEnumerable<byte[]> JsonLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        long row = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            row++;
            byte[] canonical;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetFormatException(row, "each line must be one JSON object");
                }

                var names = document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                if (row == 1)
                {
                    Columns = names;
                }
                else if (!names.SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    throw new DatasetFormatException(row, "its members differ from the first line's");
                }

                canonical = JsonCanonicalizer.Canonicalize(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new DatasetFormatException(row, "not JSON: " + ex.Message);
            }

            yield return canonical;
        }
    }
}
