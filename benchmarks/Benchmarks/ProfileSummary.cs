using System.Globalization;
using System.Text.Json;

namespace TrustLedger.Benchmarks;

/// <summary>
/// Where the time goes, from a dotnet-trace CPU-sampling trace in speedscope form: the frames with
/// the most inclusive time (on the stack) and the most exclusive time (on top of it), summed over
/// the threads that did work, as a share of all sampled time. Idle waits are left out.
/// </summary>
public static class ProfileSummary
{
    private static readonly string[] Idle = ["WaitHandle", "Monitor.Wait", "LowLevelLifoSemaphore", "Thread.Sleep", "epoll_wait", "SpinWait", "WaitOne", "Interop+Sys.WaitForSocketEvents", "UNMANAGED_CODE_TIME", "ThreadPoolWorkQueue.Dispatch", "PortableThreadPool"];

    public static void Print(string speedscopePath, int top = 25)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(speedscopePath));
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
        var inclusive = new double[frames.Length];
        var exclusive = new double[frames.Length];
        double busy = 0;
        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            var stack = new List<(int Frame, double At)>();
            double last = 0;
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                var frame = e.GetProperty("frame").GetInt32();
                if (stack.Count > 0 && !IsIdle(frames[stack[^1].Frame]))
                {
                    exclusive[stack[^1].Frame] += at - last;
                    busy += at - last;
                }

                last = at;
                if (e.GetProperty("type").GetString() == "O")
                {
                    stack.Add((frame, at));
                }
                else if (stack.Count > 0)
                {
                    var (opened, since) = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    // Count each frame once per stack, however often it recurses.
                    if (!stack.Exists(s => s.Frame == opened))
                    {
                        inclusive[opened] += at - since;
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"busy sampled time: {busy:N0} ms over all threads (idle waits excluded)"));
        Print("inclusive (on the stack)", frames, inclusive, busy, top, skipIdle: true);
        Print("exclusive (on top of the stack)", frames, exclusive, busy, top, skipIdle: false);
    }

    private static void Print(string title, string[] frames, double[] times, double busy, int top, bool skipIdle)
    {
        Console.WriteLine();
        Console.WriteLine($"top {top} by {title}, % of busy time:");
        foreach (var (name, time) in frames.Zip(times).Where(p => p.Second > 0 && (!skipIdle || !IsIdle(p.First)) && !IsRoot(p.First))
            .OrderByDescending(p => p.Second).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100 * time / busy,6:0.0}%  {Shorten(name)}"));
        }
    }

    private static bool IsIdle(string frame) => Idle.Any(i => frame.Contains(i, StringComparison.Ordinal));

    // Thread roots and the thread pool's dispatch loop are on every stack: they say nothing.
    private static bool IsRoot(string frame) =>
        frame.StartsWith("Thread (", StringComparison.Ordinal) || frame.Contains("ThreadStart", StringComparison.Ordinal)
        || frame.Contains("ExecutionContext.Run", StringComparison.Ordinal) || frame.Contains("ThreadPoolWorkQueue", StringComparison.Ordinal)
        || frame.Contains("WorkerThread", StringComparison.Ordinal) || frame.Contains("Process", StringComparison.Ordinal) && frame.Length < 20;

    private static string Shorten(string frame) => frame.Length > 150 ? frame[..150] + "…" : frame;
}
