using System.Text.Json;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// What an issuing department submits (GB/T 36903 metadata plus the type's fields). The issuer is
/// the authenticated department, never the body.
/// </summary>
public sealed record IssueCertificateRequest(
    string? TypeCode,
    CertificateHolder? Holder,
    JsonElement? Fields,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? DivisionCode,
    string? RelatedIdentifier = null);

/// <summary>持证主体: the holder's name, code and code type (111 resident ID number, 001 unified social credit code).</summary>
public sealed record CertificateHolder(string? Name, string? Code, string? CodeType);
