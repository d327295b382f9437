using System.Globalization;

namespace TrustLedger.Faults.Stack;

/// <summary>
/// One CertService process of the pair, on the shared PostgreSQL database, with a keystore folder
/// of its own (a copy of what the deployer provisioned: the instances share every other key through
/// the database). Killed with SIGKILL and started again by the kill cycles.
/// </summary>
public sealed class CertServiceInstance(string name, string repository, string folder, IReadOnlyDictionary<string, string> environment, Action<string, int> onUnexpectedExit) : IDisposable
{
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(3) };
    private ChildProcess? _process;

    public string Name { get; } = name;

    public int Port { get; } = Ports.Free();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool Running => _process is { HasExited: false };

    public int Starts { get; private set; }

    public async Task StartAsync()
    {
        var bin = Path.Combine(repository, "CertService", "bin", "Release", "net10.0");
        _process = ChildProcess.Start(
            Name, "dotnet", [Path.Combine(bin, "TrustLedger.CertService.dll"), "--contentRoot", bin, "--urls", BaseUrl],
            environment, Path.Combine(folder, Name + ".log"), onUnexpectedExit);
        Starts++;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited while starting; see {Path.Combine(folder, Name + ".log")}");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri(BaseUrl + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} did not answer /health within two minutes");
    }

    public void Kill()
    {
        _process?.Kill();
        _process?.Dispose();
        _process = null;
    }

    public void Stop()
    {
        _process?.Stop("TERM");
        _process?.Dispose();
        _process = null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({BaseUrl})");

    public void Dispose()
    {
        Stop();
        _probe.Dispose();
    }
}
