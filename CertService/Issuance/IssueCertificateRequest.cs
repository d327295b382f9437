using System.Text.Json;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// What an issuing department submits (GB/T 36903 metadata plus the type's fields). The issuer is
/// the authenticated department, never the body. <c>document</c> chooses the form: <c>pdf</c>
/// (default: a sealed PDF with a QR code is rendered and bound into the leaf) or <c>none</c> (data
/// only: the department's seal signs the certificate data itself, for system-to-system use).
/// </summary>
public sealed record IssueCertificateRequest(
    string? TypeCode,
    CertificateHolder? Holder,
    JsonElement? Fields,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? DivisionCode,
    string? RelatedIdentifier = null,
    string? Document = null)
{
    public const string PdfDocument = "pdf";
    public const string NoDocument = "none";

    public bool IsDataOnly => Document == NoDocument;
}

/// <summary>持证主体: the holder's name, code and code type (111 resident ID number, 001 unified social credit code).</summary>
public sealed record CertificateHolder(string? Name, string? Code, string? CodeType);
