using System.Globalization;
using System.Text.Json;

namespace TrustLedger.Benchmarks;

/// <summary>
/// Where the time goes, from a dotnet-trace <c>dotnet-sampled-thread-time</c> trace in speedscope
/// form. The sampler puts a pseudo-frame on top of each stack: CPU_TIME (running managed code) or
/// UNMANAGED_CODE_TIME (in native code: libcrypto, the kernel, or blocked). Time under a wait
/// (thread pool idle, socket wait, semaphores) is idle and left out; the rest is busy time, charged
/// to the frame under the pseudo-frame (exclusive) and to every frame on the stack (inclusive).
/// </summary>
public static class ProfileSummary
{
    private static readonly string[] Waits =
    [
        "LowLevelLifoSemaphore", "WaitHandle.Wait", "Monitor.Wait", "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "Thread.Sleep", "SpinWait",
        "WaitForSocketEvents", "SocketAsyncEngine.EventLoop", "Interop+Sys.Poll", "Interop+Sys.Read(", "LowLevelMonitor.Wait", "Thread.Join",
        "WaitSubsystem", "TimerQueue.TimerThread", "Console", "FileSystemWatcher", "Task.SpinThenBlockingWait", "Task.InternalWaitCore",
    ];

    private static readonly string[] Roots = ["Process64", "(Non-Activities)", "Threads", "Thread (", "Thread.StartCallback", "ExecutionContext.Run", "ThreadPoolWorkQueue.Dispatch", "WorkerThread.WorkerThreadStart", "PortableThreadPool", "CPU_TIME", "UNMANAGED_CODE_TIME", "?!?"];

    public static void Print(string speedscopePath, int top = 30)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(speedscopePath));
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
        var isWait = frames.Select(f => Waits.Any(w => f.Contains(w, StringComparison.Ordinal))).ToArray();
        var isPseudo = frames.Select(f => f is "CPU_TIME" or "UNMANAGED_CODE_TIME").ToArray();
        var isRoot = frames.Select(f => Roots.Any(r => f.Contains(r, StringComparison.Ordinal))).ToArray();
        var inclusive = new double[frames.Length];
        var exclusive = new double[frames.Length];
        var seen = new int[frames.Length];
        double busy = 0, idle = 0, native = 0;
        var stamp = 0;
        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            var stack = new List<int>();
            double last = 0;
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                var dt = at - last;
                if (stack.Count > 1 && dt > 0 && isPseudo[stack[^1]])
                {
                    if (stack.Exists(f => isWait[f]))
                    {
                        idle += dt;
                    }
                    else
                    {
                        busy += dt;
                        native += frames[stack[^1]] == "UNMANAGED_CODE_TIME" ? dt : 0;
                        exclusive[stack[^2]] += dt;
                        stamp++;
                        foreach (var f in stack)
                        {
                            if (seen[f] != stamp)
                            {
                                seen[f] = stamp;
                                inclusive[f] += dt; // once per stack, however often a frame recurses
                            }
                        }
                    }
                }

                last = at;
                var frame = e.GetProperty("frame").GetInt32();
                if (e.GetProperty("type").GetString() == "O")
                {
                    stack.Add(frame);
                }
                else if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"busy: {busy / 1000:N1} thread-seconds ({100 * native / Math.Max(busy, 1):0}% of it in native code); idle waits left out: {idle / 1000:N1} thread-seconds"));
        Print("inclusive (on the stack)", frames, inclusive, busy, top, isRoot);
        Print("exclusive (running, under the sampler's pseudo-frame)", frames, exclusive, busy, top, isRoot);
    }

    private static void Print(string title, string[] frames, double[] times, double busy, int top, bool[] isRoot)
    {
        Console.WriteLine();
        Console.WriteLine($"top {top} by {title}, % of busy time:");
        foreach (var i in Enumerable.Range(0, frames.Length).Where(i => times[i] > 0 && !isRoot[i]).OrderByDescending(i => times[i]).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100 * times[i] / busy,6:0.0}%  {Shorten(frames[i])}"));
        }
    }

    private static string Shorten(string frame) => frame.Length > 160 ? frame[..160] + "…" : frame;
}
