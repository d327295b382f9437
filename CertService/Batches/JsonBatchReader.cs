using System.Runtime.CompilerServices;
using System.Text.Json;
using TrustLedger.CertService.Issuance;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.CertService.Batches;

/// <summary>Reads a JSON array of certificates one element at a time; the array is never held whole.</summary>
public static class JsonBatchReader
{
    public static async IAsyncEnumerable<BatchRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var row = 0;
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, StrictJson.Options, cancellationToken))
        {
            row++;
            IssueCertificateRequest? request = null;
            string? error = null;
            try
            {
                request = element.Deserialize<IssueCertificateRequest>(StrictJson.Options);
            }
            catch (JsonException ex)
            {
                error = ex.Path;
            }

            yield return request is null
                ? new BatchRow(row, null, [new FieldError(error ?? "$", ErrorCodes.RowUnreadable)])
                : new BatchRow(row, request, []);
        }
    }
}
