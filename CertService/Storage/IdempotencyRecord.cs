namespace TrustLedger.CertService.Storage;

/// <summary>The first answer to an issuing request with an Idempotency-Key, replayed for every retry.</summary>
public sealed class IdempotencyRecord
{
    public required string DepartmentCode { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the request (method, path, body): a retry must send the same request.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public required string ResponseBody { get; set; }

    public string? Location { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
