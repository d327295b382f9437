using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TrustLedger.Tests.Testing;

/// <summary>
/// A real PostgreSQL server for the storage tests: the one named by TRUSTLEDGER_TEST_POSTGRES, or
/// else a private cluster this test process creates (initdb in a temp folder, loopback only, trust
/// auth) and stops by its pid when the process exits. Each caller gets a database of its own.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static Process? _process;

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Server.Value;
        var name = "trustledger_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Dozens of service instances share the one test server: idle connections go back soon.
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TRUSTLEDGER_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "postgres")))
            .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: ./test.sh installs it (Debian package postgresql)");
        var root = Directory.CreateTempSubdirectory("trustledger-pg-").FullName;
        var data = Path.Combine(root, "data");
        var port = FreePort.Next();
        // initdb and postgres refuse to run as root; drop to the postgres user without a session (setpriv execs in place).
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", root]);
        }

        await RunAsync(asPostgres ? "setpriv" : Path.Combine(bin, "initdb"),
            [.. AsPostgres(asPostgres), .. asPostgres ? [Path.Combine(bin, "initdb")] : Array.Empty<string>(), "-D", data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8"]);
        var start = new ProcessStartInfo(asPostgres ? "setpriv" : Path.Combine(bin, "postgres"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in AsPostgres(asPostgres).Concat(asPostgres ? [Path.Combine(bin, "postgres")] : []).Concat(
            ["-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-k", root, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=1000"]))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(root);
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                return admin;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string[] AsPostgres(bool asPostgres) => asPostgres ? ["--reuid=postgres", "--regid=postgres", "--init-groups"] : [];

    private static void Stop(string root)
    {
        if (_process is { HasExited: false })
        {
            // SIGINT is PostgreSQL's fast shutdown.
            using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            interrupt?.WaitForExit();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error}{await output}");
        }
    }
}
