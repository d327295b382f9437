using System.Diagnostics;
using System.Globalization;

namespace TrustLedger.Faults.Stack;

/// <summary>
/// A process the suite started, stopped only by its own pid. Its output goes to a log file. An
/// exit the suite did not cause (no kill, no stop) is recorded with its code: a process that stops
/// by itself is a finding.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private volatile bool _stoppedByUs;

    private ChildProcess(string name, Process process, StreamWriter log, Action<string, int> onUnexpectedExit)
    {
        Name = name;
        _process = process;
        _log = log;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            if (!_stoppedByUs)
            {
                onUnexpectedExit(name, process.ExitCode);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string name, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath, Action<string, int> onUnexpectedExit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        return new ChildProcess(name, process, log, onUnexpectedExit);
    }

    /// <summary>SIGKILL: no chance to clean up, as a crash or a power cut.</summary>
    public void Kill()
    {
        _stoppedByUs = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>A signal (SIGTERM for a clean stop, SIGINT for PostgreSQL's fast shutdown), then a wait; SIGKILL if it does not stop in time.</summary>
    public void Stop(string signal = "TERM", int waitMs = 30_000)
    {
        _stoppedByUs = true;
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(waitMs))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Stop();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
