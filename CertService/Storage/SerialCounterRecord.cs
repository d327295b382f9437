namespace TrustLedger.CertService.Storage;

/// <summary>The next serial number of one issuer, type and year; advanced by one atomic SQL statement.</summary>
public sealed class SerialCounterRecord
{
    public required string IssuerCode { get; set; }

    public required string TypeCode { get; set; }

    public int Year { get; set; }

    public long NextValue { get; set; }
}
