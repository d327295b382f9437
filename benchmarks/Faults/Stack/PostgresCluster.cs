using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TrustLedger.Faults.Stack;

/// <summary>
/// A private PostgreSQL cluster on loopback with the durable defaults (fsync and synchronous_commit
/// on), so "acknowledged" means on disk. Restarted with a fast shutdown (SIGINT) under load.
/// </summary>
public sealed class PostgresCluster(string folder, Action<string, int> onUnexpectedExit) : IDisposable
{
    private readonly string _data = Path.Combine(folder, "pg", "data");
    private readonly string _socket = Path.Combine(folder, "pg");
    private string _bin = "";
    private ChildProcess? _server;

    public int Port { get; } = Ports.Free();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40;Timeout=5;Command Timeout=30";

    public async Task StartAsync()
    {
        _bin = Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (devnet/setup.sh --for-tests installs it)");
        Directory.CreateDirectory(_socket);
        if (IsRoot)
        {
            Run("chown", "-R", "postgres:postgres", _socket);
        }

        var (initdb, prefix) = AsPostgres(Path.Combine(_bin, "initdb"));
        Run(initdb, [.. prefix, "-D", _data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await LaunchAsync();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE trustledger", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>A fast shutdown (every session cut) and a start again.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        _server?.Stop("INT");
        _server?.Dispose();
        await Task.Delay(down);
        await LaunchAsync();
    }

    private async Task LaunchAsync()
    {
        var (postgres, prefix) = AsPostgres(Path.Combine(_bin, "postgres"));
        string[] arguments = [.. prefix, "-D", _data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-k", _socket, "-c", "max_connections=300"];
        _server = ChildProcess.Start("postgres", postgres, arguments, new Dictionary<string, string>(), Path.Combine(folder, "postgres.log"), onUnexpectedExit);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    // initdb and postgres refuse to run as root: drop to the postgres user (setpriv execs in place, so the pid is the server's).
    private static (string File, string[] Prefix) AsPostgres(string binary) =>
        IsRoot ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", binary]) : (binary, []);

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error}");
        }
    }

    public void Dispose()
    {
        _server?.Stop("INT");
        _server?.Dispose();
    }
}
