namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>A step of the pipeline: its name, its type (resolved in a fresh scope for every pass) and how long it rests between passes.</summary>
public sealed record PipelineStepRegistration(string Name, Type StepType, Func<AnchoringOptions, TimeSpan> Interval);
