using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Verifier.Citizen;

/// <summary>Where the Verifier asks CertService for the bundle behind a QR code. Bound from the <c>CertService</c> section.</summary>
public sealed class CertServiceOptions
{
    public const string Section = "CertService";

    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The Verifier's service key at CertService (<c>Access:VerifierApiKeySha256</c> there holds its hash).</summary>
    public string ApiKey { get; set; } = "";
}

/// <summary>Fetches the bundle for a QR code's certificate id and check value; null when CertService knows no such pair.</summary>
public sealed class CertServiceClient(HttpClient http)
{
    public async Task<CertificateBundle?> FindBundleAsync(Guid id, string check, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"/api/v1/verification/{id}?h={Uri.EscapeDataString(check)}", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unreachable, or slower than the client's timeout: the lookup is unavailable (503), never a 500.
            throw new ChainUnavailableException("CertService did not answer the lookup");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ChainUnavailableException($"CertService answered {(int)response.StatusCode}");
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<CertificateBundle>(JsonSerializerOptions.Web, cancellationToken);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new ChainUnavailableException("CertService's answer was not a bundle");
            }
        }
    }
}
