namespace TrustLedger.CertService.Issuance;

/// <summary>One failing field: its JSON path, a stable error code, and optional detail (a schema keyword, a value).</summary>
public sealed record FieldError(string Field, string Code, string? Detail = null)
{
    public override string ToString() => $"{Field}: {Code}{(Detail is null ? "" : $" ({Detail})")}";
}
