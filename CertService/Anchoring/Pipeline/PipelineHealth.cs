using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>
/// What operators see of each step: last success, failures in a row and in all, last error, backlog.
/// Kept in memory per instance and published as metrics (meter <see cref="MeterName"/>).
/// </summary>
public sealed class PipelineHealth : IDisposable
{
    public const string MeterName = "TrustLedger.CertService.Pipeline";

    /// <summary>A step that failed this many times in a row makes the pipeline report itself degraded.</summary>
    public const int DegradedAfter = 3;

    private readonly ConcurrentDictionary<string, StepHealth> _steps = new(StringComparer.Ordinal);
    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _failures;
    private readonly TimeProvider _time;

    public PipelineHealth(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        _meter = meters.Create(MeterName);
        _runs = _meter.CreateCounter<long>("trustledger.pipeline.step.runs", description: "Passes of a pipeline step");
        _failures = _meter.CreateCounter<long>("trustledger.pipeline.step.failures", description: "Passes of a pipeline step that failed");
        _meter.CreateObservableGauge("trustledger.pipeline.step.backlog", () => _steps.Values.Select(s => new Measurement<long>(s.Backlog, new KeyValuePair<string, object?>("step", s.Name))), description: "Records a step left waiting after its last pass");
        _meter.CreateObservableGauge("trustledger.pipeline.step.consecutive_failures", () => _steps.Values.Select(s => new Measurement<long>(s.ConsecutiveFailures, new KeyValuePair<string, object?>("step", s.Name))), description: "Failures of a step in a row");
        _meter.CreateObservableGauge("trustledger.pipeline.step.seconds_since_success", () => _steps.Values.Where(s => s.LastSuccessAt is not null).Select(s => new Measurement<double>((_time.GetUtcNow() - s.LastSuccessAt!.Value).TotalSeconds, new KeyValuePair<string, object?>("step", s.Name))), unit: "s", description: "Time since a step last succeeded");
    }

    public IReadOnlyList<StepHealth> Steps => _steps.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public bool Degraded => _steps.Values.Any(s => s.ConsecutiveFailures >= DegradedAfter);

    public StepHealth For(string step) => _steps.GetOrAdd(step, name => new StepHealth(name));

    public void Succeeded(string step, StepPass pass, string? note = null)
    {
        var health = For(step);
        lock (health)
        {
            health.LastSuccessAt = _time.GetUtcNow();
            health.ConsecutiveFailures = 0;
            health.Backlog = pass.Waiting;
            health.Note = note;
            health.Runs++;
        }

        _runs.Add(1, new KeyValuePair<string, object?>("step", step));
    }

    public void Failed(string step, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var health = For(step);
        lock (health)
        {
            health.LastFailureAt = _time.GetUtcNow();
            health.ConsecutiveFailures++;
            health.TotalFailures++;
            health.Runs++;
            health.LastError = Describe(exception);
        }

        _runs.Add(1, new KeyValuePair<string, object?>("step", step));
        _failures.Add(1, new KeyValuePair<string, object?>("step", step));
    }

    /// <summary>An exception as operators need it: its type and message, shortened (no stack, no inner detail).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= 500 ? text : text[..500];
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>One step's health, as last reported.</summary>
public sealed class StepHealth(string name)
{
    public string Name { get; } = name;

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? LastFailureAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    public long TotalFailures { get; set; }

    public long Runs { get; set; }

    public long Backlog { get; set; }

    public string? LastError { get; set; }

    /// <summary>What holds a step's work back without failing it (e.g. a department without an active seal).</summary>
    public string? Note { get; set; }
}
