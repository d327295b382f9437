using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustLedger.Deployer;
using TrustLedger.Deployer.Besu;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.EndToEnd;

/// <summary>
/// Both services started as real processes with exactly the environment the generated
/// docker-compose.yml gives their containers (Production, every secret from the operator's
/// variables, the PDF fonts), against contracts the Deployer's production mode deployed with a
/// fresh governance key; then a department is onboarded and given a seal, issues a certificate, it
/// is anchored, and it verifies through the Verifier by bundle, by sealed PDF and by QR code, with a
/// signed receipt. Only what a container makes different is mapped: its mount points become
/// folders here, its service addresses loopback ports. No container engine is needed.
/// </summary>
public sealed partial class ComposeEnvironmentTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("compose-env-").FullName;
    private readonly List<Process> _processes = [];
    private readonly string _adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    private readonly string _verifierKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    private readonly int _certServicePort = FreePort.Next();
    private readonly int _verifierPort = FreePort.Next();
    private readonly StringBuilder _output = new();

    private string CertServiceUrl => $"http://127.0.0.1:{_certServicePort}";

    private string VerifierUrl => $"http://127.0.0.1:{_verifierPort}";

    public async Task InitializeAsync()
    {
        var passphrase = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var variable = $"TL_COMPOSE_PASSPHRASE_{Guid.NewGuid():N}";
        System.Environment.SetEnvironmentVariable(variable, passphrase);
        var deployment = Path.Combine(_folder, "deployment.json");
        var keystore = Path.Combine(_folder, "keystore");
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            var deployed = await DeployCommand.RunAsync(["--rpc", anvil.RpcUrl, "--record", deployment, "--keystore", keystore, "--passphrase-env", variable, "--production", "--new-governance-key"], output, error);
            Assert.True(deployed == 0, error.ToString());
        }

        System.Environment.SetEnvironmentVariable(variable, null);
        // What an operator exports before `docker compose up` (docs/besu-network.md).
        var operatorVariables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TRUSTLEDGER_KEYSTORE_PASSPHRASE"] = passphrase,
            ["TRUSTLEDGER_POSTGRES"] = await PostgresServer.CreateDatabaseAsync(),
            ["TRUSTLEDGER_LOOKUP_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["TRUSTLEDGER_ADMIN_KEY_SHA256"] = Sha256(_adminKey),
            ["TRUSTLEDGER_VERIFIER_KEY"] = _verifierKey,
            ["TRUSTLEDGER_VERIFIER_KEY_SHA256"] = Sha256(_verifierKey),
            ["TRUSTLEDGER_VERIFIER_PUBLIC_URL"] = VerifierUrl,
            ["TRUSTLEDGER_RECEIPTS_PASSPHRASE"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        };
        // The container's mount points and service addresses, and what they are on this machine.
        var network = BesuNetwork.Generate(new BesuNetworkOptions { Validators = 4 });
        var compose = ComposeFile.For(network);
        var places = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/config/deployment.json"] = deployment,
            ["/keystore"] = keystore,
            ["/receipts-keystore"] = Path.Combine(_folder, "receipts-keystore"),
            ["http://certservice:5080"] = CertServiceUrl,
        };

        Start("CertService", ServiceEnvironment(compose, "certservice", operatorVariables, places), _certServicePort);
        await WaitForHealthAsync(CertServiceUrl);
        Start("Verifier", ServiceEnvironment(compose, "verifier", operatorVariables, places), _verifierPort);
        await WaitForHealthAsync(VerifierUrl);
    }

    [Fact]
    public async Task The_compose_environment_runs_both_services_in_Production_and_a_certificate_is_issued_anchored_and_verified()
    {
        using var admin = Client(CertServiceUrl, _adminKey);
        var onboarded = await admin.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = TestDepartments.Demo.CreditCode, name = TestDepartments.Demo.Name });
        Assert.True(onboarded.StatusCode == HttpStatusCode.Created, await onboarded.Content.ReadAsStringAsync());
        var typeCode = Issuing.BusinessLicence()["typeCode"]!.GetValue<string>();
        var granted = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/grants", new { typeCode });
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        var seal = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals", new
        {
            code = "XA-SCJG-COMPOSE-01", name = "西安市市场监督管理局行政审批专用章", type = 1, validFrom = "2026-01-01T00:00:00+08:00", validUntil = "2029-12-31T23:59:59+08:00",
        });
        Assert.True(seal.StatusCode == HttpStatusCode.Created, await seal.Content.ReadAsStringAsync());
        var key = (await (await admin.PostAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        using var department = Client(CertServiceUrl, key);
        using var verifier = Client(VerifierUrl, null);

        var id = await Issuing.IssueAsync(department);
        Assert.True(await Issuing.WaitForAnchoringAsync(department, id, TimeSpan.FromSeconds(90)) == "anchored", _output.ToString());
        var bundle = await Issuing.BundleAsync(department, id);
        HttpResponseMessage pdf;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((pdf = await department.GetAsync($"/api/v1/certificates/{id}/pdf")).StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.True(pdf.StatusCode == HttpStatusCode.OK, $"{pdf.StatusCode}: {await pdf.Content.ReadAsStringAsync()}");
        var document = await pdf.Content.ReadAsByteArrayAsync();
        var qrPayload = (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}")).GetProperty("verificationUrl").GetString()!;

        var byBundle = await verifier.PostAsJsonAsync("/api/v1/verify?receipt=true", bundle, JsonSerializerOptions.Web);
        using var form = VerifierRequests.PdfForm(document, bundle);
        var byDocument = await verifier.PostAsync("/api/v1/verify/pdf", form);
        var byQr = await verifier.PostAsJsonAsync("/api/v1/verify/qr", new { payload = qrPayload });

        foreach (var (what, response) in new[] { ("bundle", byBundle), ("sealed PDF", byDocument), ("QR code", byQr) })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {response.StatusCode} {text}");
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("verdict").GetString() == "valid", $"{what}: {text}");
        }

        Assert.StartsWith(VerifierUrl + "/v/", qrPayload, StringComparison.Ordinal);
        Assert.True((await byBundle.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("receipt", out _), "a signed receipt was asked for");
    }

    /// <summary>A service's environment exactly as the compose file gives it, with the operator's variables and this machine's places.</summary>
    private static Dictionary<string, string> ServiceEnvironment(string compose, string service, Dictionary<string, string> variables, Dictionary<string, string> places)
    {
        var block = ServiceBlock().Matches(compose).Single(m => m.Groups["name"].Value == service).Value;
        var environment = block[block.IndexOf("    environment:\n", StringComparison.Ordinal)..];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match line in EnvironmentLine().Matches(environment))
        {
            var value = Substitution().Replace(line.Groups["value"].Value.Trim(), m => variables.TryGetValue(m.Groups["name"].Value, out var v) ? v
                : m.Groups["default"].Success ? m.Groups["default"].Value : throw new InvalidOperationException($"the compose file needs {m.Groups["name"].Value}"));
            Assert.DoesNotContain("${", value, StringComparison.Ordinal);
            if (value.StartsWith("http://172.", StringComparison.Ordinal))
            {
                value = "anvil"; // the RPC node's container address
            }

            result[line.Groups["key"].Value] = places.GetValueOrDefault(value, value);
        }

        return result;
    }

    private void Start(string service, Dictionary<string, string> environment, int port)
    {
        var output = RepositoryRoot.Combine(service, "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, $"TrustLedger.{service}.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Nothing of this test process's own environment but what runs dotnet: the container's variables only.
        foreach (var name in start.Environment.Keys.Where(k => k is not ("PATH" or "HOME" or "DOTNET_ROOT" or "TMPDIR")).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value == "anvil" ? anvil.RpcUrl : value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{service} did not start");
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.Append(service).Append(": ").AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.Append(service).Append("! ").AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private async Task WaitForHealthAsync(string url)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline || _processes.Any(p => p.HasExited))
            {
                throw new InvalidOperationException($"{url} did not become healthy:\n{_output}");
            }

            await Task.Delay(250);
        }
    }

    private static HttpClient Client(string url, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    [GeneratedRegex(@"(?ms)^  (?<name>[a-z0-9-]+):\n.*?(?=^  [a-z0-9-]+:\n|^[a-z]|\z)")]
    private static partial Regex ServiceBlock();

    [GeneratedRegex(@"(?m)^      (?<key>[A-Za-z_][A-Za-z0-9_]*): (?<value>.+)$")]
    private static partial Regex EnvironmentLine();

    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)(?::\?[^}]*|:-(?<default>[^}]*))?\}")]
    private static partial Regex Substitution();

    public Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
