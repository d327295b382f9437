using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring.Pipeline;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// The anchoring pipeline, after cert-issuer, as supervised steps: leases (which chain accounts this
/// instance serves), documents (render and seal), batches (prepare, send, record), status changes,
/// the sharing and data-sharing trails, and reconciliation (chain-first writes, the send journal).
/// Each step runs in a loop of its own, every interval or when nudged; every exception a step
/// throws is caught, logged with the step's name, counted in <see cref="PipelineHealth"/> and
/// retried with capped exponential backoff, so no step can stop another or the host. A step never
/// runs twice at once in one instance. Only a fault in the supervision itself stops the service,
/// and then with <see cref="ExitCode"/> set, so a supervisor that restarts failed processes sees it fail.
/// </summary>
public sealed class AnchoringPipeline(
    IServiceScopeFactory scopes,
    IEnumerable<PipelineStepRegistration> steps,
    PipelineSignals signals,
    PipelineHealth health,
    IOptions<AnchoringOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<AnchoringPipeline> logger) : BackgroundService
{
    /// <summary>The process exit code after the pipeline stopped the service (EX_SOFTWARE).</summary>
    public const int ExitCode = 70;

    private readonly IReadOnlyList<PipelineStepRegistration> _steps = [.. steps.OrderBy(s => Order(s.Name))];
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);

    /// <summary>True when the supervision itself failed and stopped the service.</summary>
    public bool StoppedOnFatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_steps.Select(step => Task.Run(() => SuperviseAsync(step, stoppingToken), CancellationToken.None)));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            StoppedOnFatalError = true;
            Environment.ExitCode = ExitCode;
            logger.SupervisionFailed(ex);
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// Runs every step once, in round order, each repeated while a full chunk is done; exceptions
    /// propagate. For tests and tools that drive anchoring step by step.
    /// </summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        foreach (var step in _steps)
        {
            while ((await RunOnceAsync(step, cancellationToken)).MoreNow)
            {
                // A full chunk: more may be waiting.
            }
        }
    }

    /// <summary>Runs one step's pass now (for tests); exceptions propagate.</summary>
    public Task<StepPass> RunStepAsync(string name, CancellationToken cancellationToken) =>
        RunOnceAsync(_steps.Single(s => s.Name == name), cancellationToken);

    private async Task SuperviseAsync(PipelineStepRegistration step, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await RunOnceAsync(step, stoppingToken);
                failures = 0;
                if (pass.MoreNow)
                {
                    continue;
                }

                await signals.WaitAsync(step.Name, step.Interval(options.Value), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                health.Failed(step.Name, ex);
                var wait = Backoff.After(failures, options.Value);
                logger.StepFailed(step.Name, failures, wait, ex);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<StepPass> RunOnceAsync(PipelineStepRegistration step, CancellationToken cancellationToken)
    {
        var running = _running.GetOrAdd(step.Name, _ => new SemaphoreSlim(1, 1));
        await running.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pass = await ((IPipelineStep)scope.ServiceProvider.GetRequiredService(step.StepType)).RunAsync(cancellationToken);
            health.Succeeded(step.Name, pass, health.For(step.Name).Note);
            return pass;
        }
        finally
        {
            running.Release();
        }
    }

    private static int Order(string name)
    {
        var index = PipelineSteps.InRoundOrder.ToList().IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }
}
