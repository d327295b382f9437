namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>The steps' names, in the order a round runs them (tests and <c>RunRoundAsync</c>).</summary>
public static class PipelineSteps
{
    public const string Leases = "leases";
    public const string Documents = "documents";
    public const string Batches = "batches";
    public const string StatusChanges = "status-changes";
    public const string SharingTrail = "sharing-trail";
    public const string DataTrail = "data-trail";
    public const string Reconciliation = "reconciliation";

    public static readonly IReadOnlyList<string> InRoundOrder = [Leases, Documents, Batches, StatusChanges, SharingTrail, DataTrail, Reconciliation];
}
