using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Structural checks every certificate must pass before anything is stored. Each failure is keyed
/// by the JSON path of the field, so a department's system can show it next to the input.
/// </summary>
public static partial class IssueRequestValidator
{
    public static Dictionary<string, string[]> Validate(IssueCertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.TypeCode is null || !TypeCodePattern().IsMatch(request.TypeCode))
        {
            errors["typeCode"] = ["typeCode must be a GB/T 36904 type code: an 18-character credit code and 3 digits"];
        }

        if (request.Holder is null)
        {
            errors["holder"] = ["holder is required"];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Holder.Name) || request.Holder.Name.Length > 200)
            {
                errors["holder.name"] = ["holder.name is required (at most 200 characters)"];
            }

            if (string.IsNullOrWhiteSpace(request.Holder.Code) || request.Holder.Code.Length > 64)
            {
                errors["holder.code"] = ["holder.code is required (at most 64 characters)"];
            }

            if (request.Holder.CodeType is not ("111" or "001"))
            {
                errors["holder.codeType"] = ["holder.codeType must be 111 (resident ID number) or 001 (unified social credit code)"];
            }
        }

        if (request.Fields is { } fields && fields.ValueKind != JsonValueKind.Object)
        {
            errors["fields"] = ["fields must be a JSON object"];
        }

        if (request.ValidFrom is null)
        {
            errors["validFrom"] = ["validFrom is required"];
        }
        else if (request.ValidUntil is { } until && until < request.ValidFrom)
        {
            errors["validUntil"] = ["validUntil must not be before validFrom"];
        }

        return errors;
    }

    [GeneratedRegex("^[0-9A-HJ-NP-RTUW-Y]{18}[0-9]{3}$")]
    private static partial Regex TypeCodePattern();
}
