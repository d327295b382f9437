using System.Runtime.CompilerServices;
using System.Text;
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
    /// <summary>The longest row read, in characters: a longer one is refused, not buffered.</summary>
    public const int MaxRowChars = 1024 * 1024;

    public IReadOnlyList<string> Columns { get; private set; } = [];

    public static bool TryFormat(string? contentType, out bool jsonLines)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        jsonLines = media is "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines";
        return jsonLines || media is "text/csv";
    }

    public async IAsyncEnumerable<byte[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (jsonLines ? JsonLinesAsync(cancellationToken) : CsvAsync(cancellationToken)).GetAsyncEnumerator(cancellationToken);
        await using (rows)
        {
            while (true)
            {
                try
                {
                    if (!await rows.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (DecoderFallbackException)
                {
                    throw new DatasetFormatException(Row + 1, "not UTF-8 (an invalid byte sequence); no byte is replaced");
                }
                catch (CsvFormatException ex)
                {
                    throw new DatasetFormatException(Row + 1, "not CSV (RFC 4180): " + ex.Message);
                }

                yield return rows.Current;
            }
        }
    }

    /// <summary>The row being read (1 is the first after the header or the first line); 0 before it.</summary>
    private long Row { get; set; }

    private async IAsyncEnumerable<byte[]> CsvAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(StrictJson.Reader(body), new CsvReaderOptions { HasHeader = true, MaxRecordSize = MaxRowChars, MalformedData = CsvMalformedDataHandling.Throw }, true);
        await csv.ReadHeaderAsync(cancellationToken);
        var headers = csv.Headers.ToArray();
        if (headers.Length == 0 || headers.Any(string.IsNullOrWhiteSpace) || headers.Distinct(StringComparer.Ordinal).Count() != headers.Length)
        {
            throw new DatasetFormatException(0, "the header must name every column, each once");
        }

        Columns = headers.Order(StringComparer.Ordinal).ToArray();
        Row = 0;
        var members = new KeyValuePair<string, string?>[headers.Length];
        while (await csv.ReadAsync(cancellationToken))
        {
            Row++;
            if (csv.FieldCount != headers.Length)
            {
                throw new DatasetFormatException(Row, $"{csv.FieldCount} values for {headers.Length} columns");
            }

            for (var i = 0; i < headers.Length; i++)
            {
                members[i] = new KeyValuePair<string, string?>(headers[i], csv.GetStringOrNull(i) ?? "");
            }

            yield return JsonCanonicalizer.CanonicalizeStrings(members);
        }
    }

    private readonly char[] _chars = new char[1 << 14];
    private int _charsAt;
    private int _charsEnd;

    // A line, read a block at a time and refused as soon as it passes MaxRowChars: a body with no newline
    // never becomes one string of gigabytes. CR LF and LF both end a line.
    private async Task<string?> ReadBoundedLineAsync(StreamReader reader, System.Text.StringBuilder line, CancellationToken cancellationToken)
    {
        line.Clear();
        while (true)
        {
            if (_charsAt == _charsEnd)
            {
                _charsEnd = await reader.ReadAsync(_chars.AsMemory(), cancellationToken);
                _charsAt = 0;
                if (_charsEnd == 0)
                {
                    return line.Length == 0 ? null : Finish(line);
                }
            }

            var newline = Array.IndexOf(_chars, '\n', _charsAt, _charsEnd - _charsAt);
            var until = newline < 0 ? _charsEnd : newline;
            line.Append(_chars, _charsAt, until - _charsAt);
            _charsAt = newline < 0 ? _charsEnd : newline + 1;
            if (line.Length > MaxRowChars + 1)
            {
                throw new DatasetFormatException(Row + 1, $"a line is longer than {MaxRowChars} characters");
            }

            if (newline >= 0)
            {
                return Finish(line);
            }
        }
    }

    private string Finish(System.Text.StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        if (line.Length > MaxRowChars)
        {
            throw new DatasetFormatException(Row + 1, $"a line is longer than {MaxRowChars} characters");
        }

        return line.ToString();
    }

    private async IAsyncEnumerable<byte[]> JsonLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = StrictJson.Reader(body);
        Row = 0;
        var buffer = new System.Text.StringBuilder();
        while (await ReadBoundedLineAsync(reader, buffer, cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            Row++;

            byte[] canonical;
            try
            {
                using var document = JsonDocument.Parse(line, StrictJson.DocumentOptions);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetFormatException(Row, "each line must be one JSON object");
                }

                var names = document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                if (Row == 1)
                {
                    Columns = names;
                }
                else if (!names.SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    throw new DatasetFormatException(Row, "its members differ from the first line's");
                }

                canonical = JsonCanonicalizer.Canonicalize(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new DatasetFormatException(Row, "not JSON: " + ex.Message);
            }
            catch (InvalidOperationException)
            {
                throw new DatasetFormatException(Row, "a member name is not valid Unicode (a lone surrogate)");
            }

            yield return canonical;
        }
    }
}
