namespace TrustLedger.CertService.Storage;

/// <summary>One version of a certificate type: names, defining authority and the JSON Schema of its fields.</summary>
public sealed class CertificateTypeRecord
{
    /// <summary>GB/T 36904 type code: the defining authority's credit code + 3 digits.</summary>
    public required string Code { get; set; }

    public int Version { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string AuthorityCode { get; set; }

    public required string AuthorityName { get; set; }

    /// <summary>Types of one family may renew or replace each other (e.g. a licence and its re-issue).</summary>
    public required string Family { get; set; }

    /// <summary>111 (resident ID number) or 001 (unified social credit code).</summary>
    public required string HolderCodeType { get; set; }

    public bool RequiresValidUntil { get; set; }

    /// <summary>JSON Schema (2020-12) of the certificate's fields.</summary>
    public required string FieldsSchema { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
