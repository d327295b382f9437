using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Types;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Builds the certificate exactly as it is hashed and handed out (format trustledger.certificate.v1,
/// the GB/T 36903 metadata plus the type's fields), in RFC 8785 canonical form.
/// </summary>
public static class CertificateDocument
{
    public const string FormatV1 = "trustledger.certificate.v1";

    public static string CanonicalJson(Guid id, string identifier, CertificateType type, Department issuer, IssueCertificateRequest request, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(request);
        var document = new JsonObject
        {
            ["format"] = FormatV1,
            ["id"] = id.ToString(),
            ["identifier"] = identifier,
            ["name"] = type.Record.NameZh,
            ["typeCode"] = type.Code,
            ["typeVersion"] = type.Version,
            ["issuer"] = new JsonObject { ["code"] = issuer.CreditCode, ["name"] = issuer.Name },
            ["holder"] = new JsonObject
            {
                ["name"] = request.Holder!.Name,
                ["code"] = request.Holder.Code,
                ["codeType"] = request.Holder.CodeType,
            },
            ["divisionCode"] = request.DivisionCode,
            ["fields"] = request.Fields is { } fields ? JsonNode.Parse(fields.GetRawText()) : new JsonObject(),
            ["validFrom"] = request.ValidFrom!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["issuedAt"] = issuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (request.ValidUntil is { } until)
        {
            document["validUntil"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (request.RelatedIdentifier is { } related)
        {
            document["relatedIdentifier"] = related;
        }

        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(parsed.RootElement));
    }

    /// <summary>
    /// The certificate as anchored: the issued content plus a <c>document</c> member naming the hash
    /// of the sealed PDF and the seal that signed it, so the leaf vouches for the exact file.
    /// </summary>
    public static string WithDocument(string canonicalJson, string documentHash, string hashAlgorithm, string? sealCode)
    {
        var document = JsonNode.Parse(canonicalJson)!.AsObject();
        document["document"] = new JsonObject
        {
            ["mediaType"] = "application/pdf",
            ["hashAlgorithm"] = hashAlgorithm,
            ["hash"] = documentHash,
            ["sealCode"] = sealCode,
        };
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(parsed.RootElement));
    }
}
