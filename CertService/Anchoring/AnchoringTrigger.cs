using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring.Pipeline;

namespace TrustLedger.CertService.Anchoring;

/// <summary>Wakes the document and batch steps early once enough certificates have been accepted to fill a batch.</summary>
public sealed class AnchoringTrigger(IOptions<AnchoringOptions> options, PipelineSignals signals)
{
    private int _accepted;

    public void LeafAccepted()
    {
        if (Interlocked.Increment(ref _accepted) >= options.Value.MaxLeaves)
        {
            Interlocked.Exchange(ref _accepted, 0);
            signals.Nudge(PipelineSteps.Documents);
            signals.Nudge(PipelineSteps.Batches);
        }
    }
}
