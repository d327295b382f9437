using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace TrustLedger.Tests.Testing;

/// <summary>
/// A real OpenID Connect provider (npm oidc-provider, devnet/oidc/provider.mjs) on a free loopback
/// port, with an ES256 and an RS256 signing key it publishes in its JWKS, and the clients the test
/// names. Tokens come from its token endpoint (client credentials, RFC 8707 resource), exactly as a
/// department system would get them; stopped by its pid.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oidc-").FullName;
    private readonly IReadOnlyList<OidcClient> _clients;
    private readonly HttpClient _http = new();
    private JsonObject _ecKey = NewEcKey();
    private readonly JsonObject _rsaKey = NewRsaKey();
    private Process? _process;

    private OidcProvider(IReadOnlyList<OidcClient> clients)
    {
        _clients = clients;
        Port = FreePort.Next();
    }

    public int Port { get; }

    public string Authority => $"http://127.0.0.1:{Port}";

    /// <summary>The kid of the EC key that signs ES256 tokens now.</summary>
    public string EcKeyId => _ecKey["kid"]!.GetValue<string>();

    public static async Task<OidcProvider> StartAsync(params OidcClient[] clients)
    {
        var provider = new OidcProvider(clients);
        await provider.RunAsync();
        return provider;
    }

    /// <summary>An access token for the client, from the provider's token endpoint.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        var client = _clients.Single(c => c.Id == clientId);
        using var request = new HttpRequestMessage(HttpMethod.Post, Authority + "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api", ["resource"] = client.Resource }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Id}:{client.Secret}")));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the provider refused a token for {clientId}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Replaces the EC signing key with a new one (the old one leaves the JWKS) and restarts the provider.</summary>
    public async Task RotateEcKeyAsync()
    {
        Stop();
        _ecKey = NewEcKey();
        await RunAsync();
    }

    /// <summary>Stops the provider (an outage of the identity platform); <see cref="StartAgainAsync"/> brings it back with the same keys.</summary>
    public void StopForOutage() => Stop();

    public Task StartAgainAsync() => RunAsync();

    /// <summary>An EC key the provider never published, as a token forger would hold.</summary>
    public static SecurityKey ForeignEcKey()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new ECDsaSecurityKey(key) { KeyId = "forged" };
    }

    private async Task RunAsync()
    {
        var config = new JsonObject
        {
            ["port"] = Port,
            ["keys"] = new JsonArray(_ecKey.DeepClone(), _rsaKey.DeepClone()),
            ["clients"] = new JsonArray(_clients.Select(c => (JsonNode)new JsonObject
            {
                ["client_id"] = c.Id, ["client_secret"] = c.Secret, ["resource"] = c.Resource, ["alg"] = c.Algorithm,
                ["claims"] = JsonSerializer.SerializeToNode(c.Claims),
            }).ToArray()),
        };
        var path = Path.Combine(_folder, "provider.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        var start = new ProcessStartInfo("node", [RepositoryRoot.Combine("devnet", "oidc", "provider.mjs"), path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Combine("devnet"),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var discovery = await _http.GetAsync(Authority + "/.well-known/openid-configuration");
                if (discovery.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }

            if (_process.HasExited || DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException("the OIDC provider did not start");
            }

            await Task.Delay(100);
        }
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    private static JsonObject NewEcKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!), ["d"] = B64(p.D!),
            ["kid"] = "ec-" + Guid.NewGuid().ToString("N")[..8], ["alg"] = "ES256", ["use"] = "sig",
        };
    }

    private static JsonObject NewRsaKey()
    {
        using var key = RSA.Create(2048);
        var p = key.ExportParameters(includePrivateParameters: true);
        return new JsonObject
        {
            ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!), ["d"] = B64(p.D!), ["p"] = B64(p.P!), ["q"] = B64(p.Q!),
            ["dp"] = B64(p.DP!), ["dq"] = B64(p.DQ!), ["qi"] = B64(p.InverseQ!),
            ["kid"] = "rsa-" + Guid.NewGuid().ToString("N")[..8], ["alg"] = "RS256", ["use"] = "sig",
        };
    }

    private static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    public ValueTask DisposeAsync()
    {
        Stop();
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A client of the provider: its credentials, the resource (audience) its tokens are for, the algorithm, and the claims it carries.</summary>
public sealed record OidcClient(string Id, string Secret, string Resource, string Algorithm, IReadOnlyDictionary<string, object> Claims);
