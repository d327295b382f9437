using System.Text.Json;

namespace TrustLedger.CertService.Types;

/// <summary>A certificate type as written in Types/v1/*.json and as posted to the admin API.</summary>
public sealed record CertificateTypeDefinition(
    string Code,
    int Version,
    string NameZh,
    string NameEn,
    TypeAuthority Authority,
    string Family,
    string HolderCodeType,
    bool RequiresValidUntil,
    JsonElement FieldsSchema,
    JsonElement? Sample = null);

/// <summary>The body that defines the type (its credit code is the first 18 characters of the type code).</summary>
public sealed record TypeAuthority(string Code, string Name);
