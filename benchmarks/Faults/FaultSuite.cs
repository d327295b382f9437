using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using TrustLedger.Faults.Checks;
using TrustLedger.Faults.Load;
using TrustLedger.Faults.Stack;

namespace TrustLedger.Faults;

/// <summary>
/// The stack under test (a durable PostgreSQL, the chain, the deployed contracts, two CertService
/// instances on the one database), its setup through the admin API (two departments with types
/// and seals, a dataset resource), a poison certificate planted in the queue, and the scenarios:
/// each runs the load, injects its fault, stops the load, lets the pipeline settle, and reconciles.
/// </summary>
public sealed class FaultSuite : IAsyncDisposable
{
    private const string AdminKey = "dev-admin-key";
    private const string DatasetResource = "FAULTS-DATASET-1";
    private const string BusinessLicence = "11100000000013338W001";

    private readonly SuiteOptions _options;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _unexpectedExits = new();
    private readonly Acknowledged _acknowledged = new();
    private readonly HashSet<Guid> _poisoned = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Random _random = new(20261202);
    private PostgresCluster _postgres = null!;
    private ChainNode _chain = null!;
    private ChainProxy _proxy = null!;
    private readonly List<CertServiceInstance> _instances = [];
    private readonly List<Department> _departments = [];
    private Deployment _deployment = null!;
    private string _sample = "";
    private int _killCycles;
    private bool _keepLogs;

    private FaultSuite(SuiteOptions options)
    {
        _options = options;
        _folder = Directory.CreateTempSubdirectory("trustledger-faults-").FullName;
        // The postgres user must reach its data folder inside; nothing here becomes listable.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private string ConnectionString => _postgres.ConnectionString("trustledger");

    public static async Task<FaultSuite> StartAsync(SuiteOptions options)
    {
        var suite = new FaultSuite(options);
        await suite.StartStackAsync();
        await suite.SetUpAsync();
        return suite;
    }

    public IEnumerable<Scenario> Scenarios()
    {
        yield return new Scenario("kill-cycles", $"{_options.KillCycles} cycles: one instance at a time SIGKILLed at a random moment and started again", KillCyclesAsync);
        yield return new Scenario("chain-outage", $"the chain node stopped for {_options.ChainOutage.TotalSeconds:0} s (its transaction pool lost) and started again", ChainOutageAsync);
        yield return new Scenario("postgres-restart", "PostgreSQL restarted (fast shutdown, every session cut) under load", PostgresRestartAsync);
        yield return new Scenario("dropped-transaction", "a department's pending transaction dropped from the node's pool (anvil_dropTransaction)", DroppedTransactionAsync);
        // Last: the chain's clock stays ahead afterwards, so every later change would be recorded late.
        yield return new Scenario("clock-past-window", "status changes waiting (mining paused, then the chain down) while the chain's clock moves two hours on, past the one-hour back-dating window", ClockPastWindowAsync);
    }

    /// <summary>Load, fault, settle, reconcile. The checks cover everything acknowledged so far, not only this scenario's.</summary>
    public async Task<Findings> RunAsync(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var stop = new CancellationTokenSource();
        using var generator = new LoadGenerator(_instances, _departments, DatasetResource, _sample, _acknowledged);
        var load = generator.RunAsync(_options.Workers, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        if (_poisoned.Count == 0)
        {
            await PlantPoisonAsync();
        }

        await scenario.Inject();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await load;
        await SettleAsync(TimeSpan.FromMinutes(_options.IsShort ? 3 : 5));
        var findings = await new Reconciliation(ConnectionString, _chain, _deployment, _departments).CheckAsync(_acknowledged, _poisoned);
        findings.ProcessesStoppedByThemselves = _unexpectedExits.Count;
        foreach (var exit in _unexpectedExits)
        {
            findings.Add(nameof(Findings.ProcessesStoppedByThemselves), exit);
        }

        return findings;
    }

    /// <summary>Keeps the stack's folder (logs, database, chain state) after the run, for a look at what went wrong.</summary>
    public void KeepLogs() => _keepLogs = true;

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"kill_cycles_done={_killCycles}\n");
        text.Append(CultureInfo.InvariantCulture, $"instance_starts={string.Join(',', _instances.Select(i => $"{i.Name}:{i.Starts}"))}\n");
        foreach (var (kind, count) in _acknowledged.Refusals.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"not_acknowledged.{kind}={count}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"logs={_folder}\n");
        return text.ToString();
    }

    private async Task KillCyclesAsync()
    {
        for (var i = 0; i < _options.KillCycles; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(1000, 4000)));
            var victim = _instances[_random.Next(_instances.Count)];
            victim.Kill();
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(500, 2500)));
            await victim.StartAsync();
            _killCycles++;
            if ((i + 1) % 10 == 0)
            {
                Console.WriteLine($"faults: {i + 1} kill cycles done");
            }
        }
    }

    private async Task ChainOutageAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        await ChainDownAsync();
        await Task.Delay(_options.ChainOutage);
        await ChainUpAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
    }

    // The node goes down: unreachable, and no blocks (more than a third of the validators gone).
    private async Task ChainDownAsync()
    {
        await _chain.CallAsync("evm_setIntervalMining", 0);
        _proxy.Cut();
    }

    // It comes back with an empty pool, as a restarted node: what was waiting in it is gone.
    private async Task ChainUpAsync()
    {
        var dropped = 0;
        foreach (var department in _departments)
        {
            dropped += (await _chain.PendingOfAsync(department.Account)).Count;
        }

        await _chain.CallAsync("anvil_dropAllTransactions");
        await _chain.CallAsync("evm_setIntervalMining", 1);
        _proxy.Open();
        Console.WriteLine($"faults: the chain is back; {dropped} department transaction(s) were lost from its pool");
    }

    private async Task ClockPastWindowAsync()
    {
        // (1) Sent, waiting in the pool, mined two hours of chain time later.
        await _chain.CallAsync("evm_setIntervalMining", 0);
        await ChangeSomeAsync(8);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await _chain.CallAsync("evm_increaseTime", 7200);
        await _chain.CallAsync("evm_setIntervalMining", 1);
        await Task.Delay(TimeSpan.FromSeconds(5));

        // (2) Accepted while the chain is down; the chain comes back two hours further on.
        await ChainDownAsync();
        await ChangeSomeAsync(8);
        await _chain.CallAsync("evm_increaseTime", 7200);
        await ChainUpAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
    }

    private async Task PostgresRestartAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        await _postgres.RestartAsync(TimeSpan.FromSeconds(3));
        await Task.Delay(TimeSpan.FromSeconds(15));
    }

    private async Task DroppedTransactionAsync()
    {
        for (var round = 0; round < (_options.IsShort ? 1 : 3); round++)
        {
            await _chain.CallAsync("evm_setIntervalMining", 0);
            try
            {
                var dropped = false;
                for (var i = 0; i < 100 && !dropped; i++)
                {
                    foreach (var department in _departments)
                    {
                        if ((await _chain.PendingOfAsync(department.Account)).FirstOrDefault() is { } hash)
                        {
                            await _chain.CallAsync("anvil_dropTransaction", hash);
                            Console.WriteLine($"faults: dropped {hash} of {department.CreditCode} from the pool");
                            dropped = true;
                            break;
                        }
                    }

                    await Task.Delay(200);
                }

                await Task.Delay(TimeSpan.FromSeconds(5));
            }
            finally
            {
                await _chain.CallAsync("evm_setIntervalMining", 1);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    // Suspends some anchored, active certificates directly (as acknowledged changes, like the load's).
    private async Task ChangeSomeAsync(int count)
    {
        var done = 0;
        foreach (var certificate in _acknowledged.Certificates.Values.OrderBy(_ => _random.Next()))
        {
            if (done >= count)
            {
                return;
            }

            if (_acknowledged.StatusChanges.Values.Any(c => c.CertificateId == certificate.Id))
            {
                continue;
            }

            var department = _departments.Single(d => d.CreditCode == certificate.Department);
            var instance = _instances[_random.Next(_instances.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{instance.BaseUrl}/api/v1/certificates/{certificate.Id}/suspend") { Content = JsonContent.Create(new { reason = 4 }) };
            request.Headers.Add("X-Api-Key", department.ApiKey);
            try
            {
                using var response = await _http.SendAsync(request);
                if (response.StatusCode == System.Net.HttpStatusCode.Accepted && (await response.Content.ReadFromJsonAsync<JsonObject>())?["id"]?.GetValue<Guid>() is { } id)
                {
                    _acknowledged.StatusChanges[id] = new AcknowledgedChange(id, certificate.Id, "suspended", instance.Name, DateTimeOffset.UtcNow);
                    done++;
                }
            }
            catch (HttpRequestException)
            {
                // That instance is not answering: another certificate, maybe another instance.
            }
        }
    }

    // Waits until nothing is pending: no certificate waiting (but the poison), no prepared batch, no
    // pending status change, no chain-first write unsettled. Whatever is left at the deadline is a finding.
    private async Task SettleAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                await using var db = new NpgsqlConnection(ConnectionString);
                await db.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    SELECT
                      (SELECT COUNT(*) FROM certificates WHERE "Status" = 0)
                    + (SELECT COUNT(*) FROM anchor_batches WHERE "State" = 0)
                    + (SELECT COUNT(*) FROM status_changes WHERE "State" = 'pending')
                    + (SELECT COUNT(*) FROM dataset_versions WHERE "State" = 'prepared')
                    + (SELECT COUNT(*) FROM data_resource_revisions WHERE "State" = 'prepared')
                    + (SELECT COUNT(*) FROM seals WHERE "State" = 'prepared')
                    """, db);
                var waiting = (long)(await command.ExecuteScalarAsync())!;
                if (waiting == 0)
                {
                    Console.WriteLine($"faults: settled after {clock.Elapsed.TotalSeconds:0} s");
                    return;
                }
            }
            catch (NpgsqlException)
            {
                // The database restarting: ask again.
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Console.WriteLine($"faults: not settled after {timeout.TotalSeconds:0} s; the checks say what is left");
    }

    // A certificate whose stored data cannot be decrypted: its document can never be made. It sits in
    // the queue with the others; the pipeline must set it aside and anchor everything else.
    private async Task PlantPoisonAsync()
    {
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        var id = Guid.CreateVersion7();
        await using var command = new NpgsqlCommand("""
            INSERT INTO certificates ("Id", "Identifier", "TypeCode", "TypeVersion", "IssuerCode", "HolderCodeHash", "ValidFrom", "ValidUntil", "RelatedIdentifier",
              "SealedCertificate", "Salt", "HashAlgorithm", "Status", "Lifecycle", "AcceptedAt", "FailedAttempts")
            SELECT @id, "Identifier" || '-POISON', "TypeCode", "TypeVersion", "IssuerCode", "HolderCodeHash", "ValidFrom", "ValidUntil", NULL,
              @garbage, "Salt", "HashAlgorithm", 0, 0, "AcceptedAt", 0
            FROM certificates ORDER BY "AcceptedAt" LIMIT 1
            """, db);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("garbage", RandomNumberGenerator.GetBytes(200));
        if (await command.ExecuteNonQueryAsync() == 1)
        {
            _poisoned.Add(id);
            Console.WriteLine($"faults: planted poison certificate {id}");
        }
    }

    private async Task StartStackAsync()
    {
        Console.WriteLine($"faults: stack in {_folder}");
        _postgres = new PostgresCluster(_folder, OnUnexpectedExit);
        await _postgres.StartAsync();
        _chain = new ChainNode(_options.Repository, _folder, OnUnexpectedExit);
        await _chain.StartAsync();
        _proxy = new ChainProxy(_chain.Port);
        _proxy.Open();
        var deploymentFile = Path.Combine(_folder, "deployment.json");
        var keystore = Path.Combine(_folder, "keystore");
        Run("dotnet", [Path.Combine(_options.Repository, "devnet", "Deployer", "bin", "Release", "net10.0", "TrustLedger.Deployer.dll"), "--rpc", _chain.RpcUrl, "--record", deploymentFile, "--keystore", keystore]);
        _deployment = Deployment.Load(deploymentFile);
        _sample = await File.ReadAllTextAsync(Path.Combine(_options.Repository, "CertService", "Types", "v1", "samples", "business-licence.json"));
        var datasets = Path.Combine(_folder, "datasets");
        Directory.CreateDirectory(datasets);
        foreach (var name in new[] { "certservice-a", "certservice-b" })
        {
            // Each instance gets its own copy of the provisioned keystore: every other key they share through the database.
            var own = Path.Combine(_folder, "keystore-" + name);
            Directory.CreateDirectory(own);
            foreach (var file in Directory.EnumerateFiles(keystore))
            {
                File.Copy(file, Path.Combine(own, Path.GetFileName(file)));
            }

            _instances.Add(new CertServiceInstance(name, _options.Repository, _folder, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__Provider"] = "Postgres",
                ["Storage__ConnectionString"] = ConnectionString,
                ["Chain__RpcUrl"] = _proxy.Url,
                ["Chain__DeploymentFile"] = deploymentFile,
                ["Chain__BlockPeriod"] = "00:00:01",
                ["Chain__ReceiptTimeout"] = "00:00:20",
                ["Keystore__Directory"] = own,
                ["DataTrust__Directory"] = datasets,
                ["Anchoring__Interval"] = "00:00:01",
                ["Anchoring__LeasePeriod"] = "00:00:06",
                ["Anchoring__RetryCap"] = "00:00:05",
                ["Anchoring__MaxAttempts"] = "3",
                ["Documents__VerifierPublicUrl"] = "http://127.0.0.1:9",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__TrustLedger"] = "Information",
            }, OnUnexpectedExit));
        }

        foreach (var instance in _instances)
        {
            await instance.StartAsync();
        }
    }

    private async Task SetUpAsync()
    {
        var a = _instances[0].BaseUrl;
        foreach (var (code, name, seal) in new[] { ("11610100MB29570176", "西安市市场监督管理局（故障测试）", "XA-FAULT-SEAL-0001"), ("11610100MB29570251", "西安市民政局（故障测试）", "XA-FAULT-SEAL-0002") })
        {
            var onboarded = await AdminAsync(HttpMethod.Post, $"{a}/api/v1/admin/departments", new { creditCode = code, name });
            await AdminAsync(HttpMethod.Post, $"{a}/api/v1/admin/departments/{code}/grants", new { typeCode = BusinessLicence });
            await AdminAsync(HttpMethod.Post, $"{a}/api/v1/admin/departments/{code}/seals", new
            {
                code = seal, name = name + "专用章", type = 1, validFrom = DateTimeOffset.UtcNow.AddDays(-1), validUntil = DateTimeOffset.UtcNow.AddYears(5),
            });
            var key = await AdminAsync(HttpMethod.Post, $"{a}/api/v1/admin/departments/{code}/api-keys", null);
            _departments.Add(new Department(code, name, onboarded["account"]!.GetValue<string>(), key["key"]!.GetValue<string>()));
        }

        await AdminAsync(HttpMethod.Post, $"{a}/api/v1/admin/data/resources", new
        {
            code = DatasetResource, name = "故障测试数据集", sourceDepartment = _departments[0].CreditCode, updateCycle = "daily", sharingClass = "unconditional", openClass = "none",
            fields = new[] { new { name = "name", personal = false }, new { name = "value", personal = false } },
        });
    }

    private async Task<JsonObject> AdminAsync(HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    private void OnUnexpectedExit(string name, int code)
    {
        var line = $"{name} exited by itself with code {code} at {DateTimeOffset.UtcNow:HH:mm:ss}";
        _unexpectedExits.Enqueue(line);
        Console.WriteLine("faults: " + line);
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TRUSTLEDGER_KEYSTORE_PASSPHRASE"] = "dev-only-keystore-passphrase";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error.Result}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        _proxy?.Dispose();
        _chain?.Dispose();
        _postgres?.Dispose();
        _http.Dispose();
        if (!_keepLogs)
        {
            await Task.Run(() => Directory.Delete(_folder, recursive: true));
        }
    }
}
