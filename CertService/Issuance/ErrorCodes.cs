namespace TrustLedger.CertService.Issuance;

/// <summary>Stable field error codes. Clients branch on these; the messages are in <see cref="ErrorCatalog"/>.</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string TypeCodeFormat = "type.code.format";
    public const string TypeUnknown = "type.unknown";
    public const string TypeVersion = "type.version";
    public const string TypeAuthorityMismatch = "type.authority.mismatch";
    public const string TypeSchemaInvalid = "type.schema.invalid";
    public const string TypeExists = "type.exists";
    public const string HolderCodeTypeInvalid = "holder.codeType.invalid";
    public const string HolderCodeTypeMismatch = "holder.codeType.mismatch";
    public const string CreditCodeCheck = "creditCode.check";
    public const string IdNumberCheck = "idNumber.check";
    public const string IdNumberBirthDate = "idNumber.birthDate";
    public const string TextTooLong = "text.tooLong";
    public const string DivisionCodeInvalid = "divisionCode.invalid";
    public const string ValidUntilBeforeValidFrom = "validUntil.beforeValidFrom";
    public const string ValidFromTooFarAhead = "validFrom.tooFarAhead";
    public const string FieldsNotObject = "fields.notObject";
    public const string FieldsSchema = "fields.schema";
    public const string FieldsNotCanonical = "fields.notCanonical";
    public const string TextInvalidUnicode = "text.invalidUnicode";
    public const string RelatedFormat = "related.format";
    public const string RelatedNotFound = "related.notFound";
    public const string RelatedHolderMismatch = "related.holderMismatch";
    public const string RelatedFamilyMismatch = "related.familyMismatch";
    public const string TypeNotGranted = "type.notGranted";
    public const string RowUnreadable = "row.unreadable";
    public const string DateFormat = "date.format";
    public const string PageOutOfRange = "page.outOfRange";
    public const string StatusUnknown = "status.unknown";
    public const string IssuerNotYours = "issuer.notYours";
    public const string SealCodeFormat = "seal.code.format";
    public const string SealSuiteUnknown = "seal.suite.unknown";
    public const string SealPictureInvalid = "seal.picture.invalid";
    public const string DocumentKindUnknown = "document.kind.unknown";
    public const string SealUnavailable = "seal.unavailable";
    public const string TypeSchemaUnrenderable = "type.schema.unrenderable";
}
