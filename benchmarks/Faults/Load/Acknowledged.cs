using System.Collections.Concurrent;

namespace TrustLedger.Faults.Load;

/// <summary>Everything the services acknowledged (2xx with an id), which the checks then hold them to.</summary>
public sealed class Acknowledged
{
    public ConcurrentDictionary<Guid, AcknowledgedCertificate> Certificates { get; } = new();

    public ConcurrentDictionary<Guid, AcknowledgedChange> StatusChanges { get; } = new();

    public ConcurrentDictionary<(string Resource, int Version), string> DatasetVersions { get; } = new();

    /// <summary>Answers that were not acknowledgements, by kind (status code, or the exception's name): information, not findings.</summary>
    public ConcurrentDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    public void Refused(string kind) => Refusals.AddOrUpdate(kind, 1, (_, n) => n + 1);
}

public sealed record AcknowledgedCertificate(Guid Id, string Department, string Kind, string Instance, DateTimeOffset At);

public sealed record AcknowledgedChange(Guid Id, Guid CertificateId, string Status, string Instance, DateTimeOffset At);
