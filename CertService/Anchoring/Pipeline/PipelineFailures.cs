namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>A step that works department by department reports the departments that failed once it has done the others.</summary>
public static class PipelineFailures
{
    public static void ThrowIfAny(IReadOnlyList<Exception> failures, int departments)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException($"{failures.Count} of {departments} departments failed; the others went on", failures);
        }
    }
}
