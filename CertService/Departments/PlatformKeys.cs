using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// The identity platform's discovery document and JWKS, as the bearer handler reads them. Read again
/// when older than the refresh interval, or at once when a token names a key not seen yet (at most once
/// per interval), and awaited, not refreshed in the background: a key the platform rotated in is
/// trusted from the first request that uses it, and a key it retired is refused within one interval.
/// A fetch takes at most 5 s; when the platform cannot be reached the last keys it published serve
/// (and it is asked again 5 s later), so an outage of the platform does not stop tokens it signed.
/// </summary>
public sealed class PlatformKeys(string metadataAddress, bool requireHttps, TimeSpan refreshInterval, TimeProvider time)
    : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private bool _stale;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } current && !Due())
        {
            return current;
        }

        await _fetch.WaitAsync(cancel);
        try
        {
            if (_current is null || Due())
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    _current = await OpenIdConnectConfigurationRetriever.GetAsync(metadataAddress, new HttpDocumentRetriever { RequireHttps = requireHttps }, timeout.Token);
                    _fetchedAt = time.GetUtcNow();
                    _stale = false;
                }
                catch (Exception) when (_current is not null && !cancel.IsCancellationRequested)
                {
                    // The platform is unreachable: keep the last keys it published, and ask again a little later.
                    _fetchedAt = time.GetUtcNow() - refreshInterval + TimeSpan.FromSeconds(5);
                    _stale = false;
                }
            }

            return _current;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Asked for when a token names an unknown key: the next read fetches, unless the last fetch was less than an interval ago.</summary>
    public void RequestRefresh() => _stale = true;

    // Due when older than the interval; a requested refresh never fetches more often than that either.
    private bool Due() => time.GetUtcNow() - _fetchedAt >= refreshInterval || (_stale && time.GetUtcNow() - _fetchedAt >= TimeSpan.FromSeconds(1));

    public void Dispose() => _fetch.Dispose();
}
