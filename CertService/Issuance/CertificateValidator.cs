using System.Text.Json;
using Json.Schema;
using TrustLedger.CertService.Types;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Identifiers;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Every check a certificate must pass before anything is stored (the city's "100% data
/// qualification"): metadata, holder code by its type, dates, division code, and the type's fields
/// schema. All failures are reported, not just the first.
/// </summary>
public static class CertificateValidator
{
    private static readonly EvaluationOptions SchemaOptions = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Checks that need no certificate type (so a bad type code still gets its other errors reported).</summary>
    public static List<FieldError> ValidateMetadata(IssueCertificateRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.TypeCode))
        {
            errors.Add(new FieldError("typeCode", ErrorCodes.Required));
        }

        ValidateHolder(request.Holder, today, errors);

        if (request.ValidFrom is not { } from)
        {
            errors.Add(new FieldError("validFrom", ErrorCodes.Required));
        }
        else
        {
            if (request.ValidUntil is { } until && until < from)
            {
                errors.Add(new FieldError("validUntil", ErrorCodes.ValidUntilBeforeValidFrom));
            }

            if (from > today.AddYears(1))
            {
                errors.Add(new FieldError("validFrom", ErrorCodes.ValidFromTooFarAhead));
            }
        }

        if (request.Document is not (null or IssueCertificateRequest.PdfDocument or IssueCertificateRequest.NoDocument))
        {
            errors.Add(new FieldError("document", ErrorCodes.DocumentKindUnknown, request.Document));
        }

        if (string.IsNullOrWhiteSpace(request.DivisionCode))
        {
            errors.Add(new FieldError("divisionCode", ErrorCodes.Required));
        }
        else if (!AdministrativeDivision.IsValid(request.DivisionCode))
        {
            errors.Add(new FieldError("divisionCode", ErrorCodes.DivisionCodeInvalid, request.DivisionCode));
        }

        if (request.Fields is { } fields && fields.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("fields", ErrorCodes.FieldsNotObject));
        }
        else if (request.Fields is { } canonicalFields)
        {
            try
            {
                JsonCanonicalizer.Canonicalize(canonicalFields);
            }
            catch (CanonicalJsonException ex)
            {
                errors.Add(new FieldError("fields" + (ex.Path ?? "$")[1..], ErrorCodes.FieldsNotCanonical, ex.Message));
            }
        }

        foreach (var (name, text) in new[]
        {
            ("typeCode", request.TypeCode), ("holder.name", request.Holder?.Name), ("holder.code", request.Holder?.Code),
            ("divisionCode", request.DivisionCode), ("relatedIdentifier", request.RelatedIdentifier),
        })
        {
            if (!UnicodeText.IsWellFormed(text))
            {
                errors.Add(new FieldError(name, ErrorCodes.TextInvalidUnicode));
            }
        }

        if (request.RelatedIdentifier is { } related && !CertificateIdentifier.TryParse(related, out _))
        {
            errors.Add(new FieldError("relatedIdentifier", ErrorCodes.RelatedFormat));
        }

        return errors;
    }

    /// <summary>Checks against the certificate's type: holder code type, required end date, fields schema.</summary>
    public static void ValidateAgainstType(IssueCertificateRequest request, CertificateType type, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.Holder?.CodeType is { } codeType && codeType != type.Record.HolderCodeType && codeType is "001" or "111")
        {
            errors.Add(new FieldError("holder.codeType", ErrorCodes.HolderCodeTypeMismatch, type.Record.HolderCodeType));
        }

        if (type.Record.RequiresValidUntil && request.ValidUntil is null)
        {
            errors.Add(new FieldError("validUntil", ErrorCodes.Required));
        }

        if (errors.Any(e => e.Code == ErrorCodes.FieldsNotCanonical))
        {
            return; // its strings cannot even be read, so the schema cannot be applied to them
        }

        var fields = request.Fields is { ValueKind: JsonValueKind.Object } f ? f : JsonDocument.Parse("{}").RootElement;
        var result = type.FieldsSchema.Evaluate(fields, SchemaOptions);
        if (result.IsValid)
        {
            return;
        }

        foreach (var detail in (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
        {
            var pointer = detail.InstanceLocation.ToString();
            var field = "fields" + (pointer.Length > 0 ? pointer.Replace('/', '.') : "");
            foreach (var (keyword, message) in detail.Errors!)
            {
                errors.Add(new FieldError(field, ErrorCodes.FieldsSchema, $"{keyword}: {message}"));
            }
        }
    }

    private static void ValidateHolder(CertificateHolder? holder, DateOnly today, List<FieldError> errors)
    {
        if (holder is null)
        {
            errors.Add(new FieldError("holder", ErrorCodes.Required));
            return;
        }

        if (string.IsNullOrWhiteSpace(holder.Name))
        {
            errors.Add(new FieldError("holder.name", ErrorCodes.Required));
        }
        else if (holder.Name.Length > 200)
        {
            errors.Add(new FieldError("holder.name", ErrorCodes.TextTooLong));
        }

        if (holder.CodeType is not ("001" or "111"))
        {
            errors.Add(new FieldError("holder.codeType", ErrorCodes.HolderCodeTypeInvalid));
        }

        if (string.IsNullOrWhiteSpace(holder.Code))
        {
            errors.Add(new FieldError("holder.code", ErrorCodes.Required));
        }
        else if (holder.CodeType == "001" && !UnifiedSocialCreditCode.IsValid(holder.Code))
        {
            errors.Add(new FieldError("holder.code", ErrorCodes.CreditCodeCheck));
        }
        else if (holder.CodeType == "111")
        {
            if (!ResidentIdNumber.HasValidCheckDigit(holder.Code))
            {
                errors.Add(new FieldError("holder.code", ErrorCodes.IdNumberCheck));
            }
            else if (!ResidentIdNumber.TryBirthDate(holder.Code, today, out _))
            {
                errors.Add(new FieldError("holder.code", ErrorCodes.IdNumberBirthDate));
            }
        }
    }
}
