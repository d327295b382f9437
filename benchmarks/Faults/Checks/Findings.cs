using System.Globalization;
using System.Text;

namespace TrustLedger.Faults.Checks;

/// <summary>What one reconciliation counted; a violation is anything the issue promises never happens.</summary>
public sealed class Findings
{
    private readonly Dictionary<string, List<string>> _examples = new(StringComparer.Ordinal);

    public int CertificatesAcknowledged { get; set; }

    public int CertificatesAnchoredOnce { get; set; }

    public int CertificatesLost { get; set; }

    public int ProofsNotLeadingToTheRoot { get; set; }

    public int Batches { get; set; }

    public int RootsAnchoredTwice { get; set; }

    public int OrphanedBatches { get; set; }

    public int BatchesNotSettled { get; set; }

    public int BatchesNotOnChain { get; set; }

    public int BatchesRefusedOrQuarantined { get; set; }

    public int AnchorsUnknownToTheDatabase { get; set; }

    public int PoisonQuarantined { get; set; }

    public int PoisonNotQuarantined { get; set; }

    public int StatusChangesAcknowledged { get; set; }

    public int StatusChangesOnChain { get; set; }

    public int StatusChangesRecordedLaterThanAsked { get; set; }

    public int StatusChangesReportedFailed { get; set; }

    public int StatusChangesLost { get; set; }

    public int StatusesReversed { get; set; }

    public int DatasetVersionsAcknowledged { get; set; }

    public int DatasetVersionsAgreeing { get; set; }

    public int DatasetVersionsOutOfStep { get; set; }

    public int ProcessesStoppedByThemselves { get; set; }

    public int Violations =>
        CertificatesLost + ProofsNotLeadingToTheRoot + RootsAnchoredTwice + OrphanedBatches + BatchesNotSettled + BatchesNotOnChain + AnchorsUnknownToTheDatabase
        + PoisonNotQuarantined + StatusChangesLost + StatusesReversed + DatasetVersionsOutOfStep + ProcessesStoppedByThemselves;

    public void Add(string kind, string example)
    {
        if (!_examples.TryGetValue(kind, out var list))
        {
            _examples[kind] = list = [];
        }

        if (list.Count < 5)
        {
            list.Add(example);
        }
    }

    /// <summary>The counts as key=value lines (for the report), then a few examples of each kind found.</summary>
    public string Describe(string scenario)
    {
        var text = new StringBuilder();
        foreach (var property in typeof(Findings).GetProperties().Where(p => p.PropertyType == typeof(int)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{scenario}.{ToKey(property.Name)}={property.GetValue(this)}\n");
        }

        foreach (var (kind, examples) in _examples)
        {
            foreach (var example in examples)
            {
                text.Append(CultureInfo.InvariantCulture, $"# {scenario} {ToKey(kind)}: {example}\n");
            }
        }

        return text.ToString();
    }

    private static string ToKey(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
