using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using TrustLedger.CertService.Issuance;
using TrustLedger.Ledger.Identifiers;

namespace TrustLedger.CertService.Types;

/// <summary>Checks a type definition before it is stored: code, authority, holder code type, and a schema that compiles.</summary>
public static partial class TypeDefinitionValidator
{
    public static List<FieldError> Validate(CertificateTypeDefinition? definition)
    {
        var errors = new List<FieldError>();
        if (definition is null)
        {
            errors.Add(new FieldError("$", ErrorCodes.Required));
            return errors;
        }

        if (definition.Code is null || !TypeCodePattern().IsMatch(definition.Code))
        {
            errors.Add(new FieldError("code", ErrorCodes.TypeCodeFormat));
        }
        else if (!UnifiedSocialCreditCode.IsValid(definition.Code[..18]))
        {
            errors.Add(new FieldError("code", ErrorCodes.CreditCodeCheck));
        }
        else if (definition.Authority?.Code != definition.Code[..18])
        {
            errors.Add(new FieldError("authority.code", ErrorCodes.TypeAuthorityMismatch));
        }

        if (definition.Version < 1)
        {
            errors.Add(new FieldError("version", ErrorCodes.TypeVersion));
        }

        if (string.IsNullOrWhiteSpace(definition.NameZh) || string.IsNullOrWhiteSpace(definition.NameEn))
        {
            errors.Add(new FieldError("nameZh", ErrorCodes.Required));
        }

        if (string.IsNullOrWhiteSpace(definition.Family))
        {
            errors.Add(new FieldError("family", ErrorCodes.Required));
        }

        if (definition.HolderCodeType is not ("001" or "111"))
        {
            errors.Add(new FieldError("holderCodeType", ErrorCodes.HolderCodeTypeInvalid));
        }

        if (definition.FieldsSchema.ValueKind != JsonValueKind.Object || TryCompile(definition.FieldsSchema) is null)
        {
            errors.Add(new FieldError("fieldsSchema", ErrorCodes.TypeSchemaInvalid));
        }
        else if (UnrenderableField(definition.FieldsSchema) is { } field)
        {
            errors.Add(new FieldError("fieldsSchema", ErrorCodes.TypeSchemaUnrenderable, field));
        }

        return errors;
    }

    /// <summary>
    /// The first field a document could not be rendered from: one defined by a boolean schema
    /// (<c>"x": true</c>, valid JSON Schema) or with a description that is not text, since each field
    /// is a labelled row of the certificate's document. Null when every field renders.
    /// </summary>
    public static string? UnrenderableField(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return null;
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            return "properties";
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object
                || (property.Value.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.String))
            {
                return property.Name;
            }
        }

        return null;
    }

    public static JsonSchema? TryCompile(JsonElement schema)
    {
        try
        {
            // A registry of its own per schema: type schemas need no $id and must not collide in a shared one.
            return JsonSchema.Build(WholeValuePatterns.Anchor(schema), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception ex) when (ex is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\A[0-9A-HJ-NP-RTUW-Y]{18}[0-9]{3}\z")]
    private static partial Regex TypeCodePattern();
}
