namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>
/// One step of the anchoring pipeline, run in a loop of its own by <see cref="PipelineSupervisor"/>:
/// a failure of one step (an exception of any kind) is retried with backoff and never stops another
/// step or the service. A pass does what is due now for the chain accounts this instance holds.
/// </summary>
public interface IPipelineStep
{
    /// <summary>The step's name in logs, health and metrics (e.g. <c>batches</c>).</summary>
    string Name { get; }

    Task<StepPass> RunAsync(CancellationToken cancellationToken);
}

/// <summary>What one pass did and what it left waiting (its backlog).</summary>
public readonly record struct StepPass(int Done, int Waiting)
{
    public static readonly StepPass Idle = new(0, 0);

    /// <summary>Work remains that the next pass can take at once (a full chunk was just done).</summary>
    public bool MoreNow => Done > 0 && Waiting > 0;
}
