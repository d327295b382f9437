using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using TrustLedger.CertService.Issuance;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.CertService.Batches;

/// <summary>
/// Reads certificates from CSV (RFC 4180, UTF-8, header row) one record at a time. Columns:
/// typeCode, holderName, holderCode, holderCodeType, divisionCode, validFrom, validUntil,
/// relatedIdentifier, and fields (the type's fields as a JSON object). Dates are yyyy-MM-dd. Bytes
/// that are not UTF-8 or a record that is not RFC 4180 make the whole file unreadable.
/// </summary>
public static class CsvBatchReader
{
    /// <summary>The longest record, in characters; a longer one makes the file unreadable rather than buffered.</summary>
    public const int MaxRecordChars = 256 * 1024;

    public static readonly string[] Columns = ["typeCode", "holderName", "holderCode", "holderCodeType", "divisionCode", "validFrom", "validUntil", "relatedIdentifier", "fields"];

    public static async IAsyncEnumerable<BatchRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(StrictJson.Reader(body), new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, MaxRecordSize = MaxRecordChars, MalformedData = CsvMalformedDataHandling.Throw }, true);
        var row = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            row++;
            var errors = new List<FieldError>();
            var validFrom = Date(csv, "validFrom", errors);
            var validUntil = Date(csv, "validUntil", errors);
            JsonElement? fields = null;
            if (Text(csv, "fields") is { } json)
            {
                try
                {
                    using var document = JsonDocument.Parse(json, StrictJson.DocumentOptions);
                    fields = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    errors.Add(new FieldError("fields", ErrorCodes.RowUnreadable));
                }
            }

            var holder = new CertificateHolder(Text(csv, "holderName"), Text(csv, "holderCode"), Text(csv, "holderCodeType"));
            var request = new IssueCertificateRequest(Text(csv, "typeCode"), holder, fields, validFrom, validUntil, Text(csv, "divisionCode"), Text(csv, "relatedIdentifier"));
            yield return errors.Count == 0 ? new BatchRow(row, request, []) : new BatchRow(row, null, errors);
        }
    }

    private static string? Text(CsvReader csv, string column) =>
        csv.TryGetFieldIndex(column, out var index) && index < csv.FieldCount && csv.GetStringOrNull(index) is { Length: > 0 } value ? value : null;

    private static DateOnly? Date(CsvReader csv, string column, List<FieldError> errors)
    {
        if (Text(csv, column) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(column, ErrorCodes.DateFormat, text));
        return null;
    }
}
