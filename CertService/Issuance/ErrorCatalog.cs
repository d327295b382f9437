namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Every field error code with its message in Chinese (the default) and English. One catalogue, so
/// a code means the same thing in every answer and every language.
/// </summary>
public static class ErrorCatalog
{
    private static readonly Dictionary<string, (string Zh, string En)> Messages = new(StringComparer.Ordinal)
    {
        [ErrorCodes.Required] = ("必填项缺失", "This value is required."),
        [ErrorCodes.TypeCodeFormat] = ("证照类型代码应为18位统一社会信用代码加3位数字", "A type code is an 18-character unified social credit code followed by 3 digits."),
        [ErrorCodes.TypeUnknown] = ("未知的证照类型", "No such certificate type."),
        [ErrorCodes.TypeVersion] = ("类型版本号应为正整数", "A type version is a positive integer."),
        [ErrorCodes.TypeAuthorityMismatch] = ("类型代码前18位应为定义机构的统一社会信用代码", "The first 18 characters of the type code must be the defining authority's credit code."),
        [ErrorCodes.TypeSchemaInvalid] = ("字段结构定义不是有效的 JSON Schema", "The fields schema is not a valid JSON Schema."),
        [ErrorCodes.TypeExists] = ("该类型版本已存在", "This type version already exists."),
        [ErrorCodes.HolderCodeTypeInvalid] = ("持证主体代码类型应为 111（居民身份证号码）或 001（统一社会信用代码）", "The holder code type must be 111 (resident ID number) or 001 (unified social credit code)."),
        [ErrorCodes.HolderCodeTypeMismatch] = ("该证照类型要求的持证主体代码类型不同", "This certificate type requires another holder code type."),
        [ErrorCodes.CreditCodeCheck] = ("统一社会信用代码校验位错误（GB 32100）", "The unified social credit code fails its GB 32100 check character."),
        [ErrorCodes.IdNumberCheck] = ("居民身份证号码校验码错误（GB 11643）", "The resident ID number fails its GB 11643 check digit."),
        [ErrorCodes.IdNumberBirthDate] = ("居民身份证号码中的出生日期无效", "The resident ID number does not encode a valid birth date."),
        [ErrorCodes.TextTooLong] = ("内容过长", "The text is too long."),
        [ErrorCodes.DivisionCodeInvalid] = ("管辖属地编码不是有效的行政区划代码（GB/T 2260）", "The division code is not a valid administrative division code (GB/T 2260)."),
        [ErrorCodes.ValidUntilBeforeValidFrom] = ("有效期截止日期早于起始日期", "The validity end is before its start."),
        [ErrorCodes.ValidFromTooFarAhead] = ("有效期起始日期距今超过一年", "The validity start is more than a year ahead."),
        [ErrorCodes.FieldsNotObject] = ("证照字段应为 JSON 对象", "The certificate fields must be a JSON object."),
        [ErrorCodes.FieldsSchema] = ("证照字段不符合该类型的结构定义", "The certificate fields do not match the type's schema."),
        [ErrorCodes.FieldsNotCanonical] = ("证照字段无法规范化（RFC 8785）：成员名重复、数字超出双精度范围或 Unicode 无效", "The certificate fields have no canonical form (RFC 8785): a member given twice, a number outside a double's range, or invalid Unicode."),
        [ErrorCodes.TextInvalidUnicode] = ("文本不是有效的 Unicode（孤立的代理项）", "The text is not valid Unicode (a lone surrogate)."),
        [ErrorCodes.RelatedFormat] = ("关联证照标识格式错误（GB/T 36904）", "The related certificate identifier is malformed (GB/T 36904)."),
        [ErrorCodes.RelatedNotFound] = ("关联证照不存在或不属于本部门", "The related certificate does not exist or was not issued by your department."),
        [ErrorCodes.RelatedHolderMismatch] = ("关联证照的持证主体不同", "The related certificate has another holder."),
        [ErrorCodes.RelatedFamilyMismatch] = ("关联证照属于不同的证照类型族", "The related certificate belongs to another type family."),
        [ErrorCodes.TypeNotGranted] = ("本部门未获授权签发该类型证照", "Your department does not hold this certificate type."),
        [ErrorCodes.RowUnreadable] = ("该行无法读取", "This row could not be read."),
        [ErrorCodes.DateFormat] = ("日期格式应为 yyyy-MM-dd", "Dates are written yyyy-MM-dd."),
        [ErrorCodes.PageOutOfRange] = ("页码从1开始，每页1至500条", "Pages start at 1 and hold 1 to 500 items."),
        [ErrorCodes.StatusUnknown] = ("状态应为 pending、anchored、refused 或 failed", "Status is pending, anchored, refused or failed."),
        [ErrorCodes.SealCodeFormat] = ("印章编码应为4至59位字母、数字或连字符", "A seal code is 4 to 59 letters, digits or hyphens."),
        [ErrorCodes.DocumentKindUnknown] = ("证照形式应为 pdf（签章的版式文件）或 none（仅数据，签章于数据）", "The document must be pdf (a sealed PDF) or none (data only, the seal signs the data)."),
        [ErrorCodes.SealSuiteUnknown] = ("签名算法套件应为 SM2-SM3 或 ECDSA-P256-SHA256", "The signature suite must be SM2-SM3 or ECDSA-P256-SHA256."),
        [ErrorCodes.SealPictureInvalid] = ("印模图片应为 base64 编码的 PNG，不超过 256 KB", "The seal picture must be a base64 PNG of at most 256 KB."),
        [ErrorCodes.SealUnavailable] = ("本部门的电子印章当前均不可用（已挂起、已吊销或不在有效期内），暂不签发；印章恢复后重试", "None of your department's seals can sign now (suspended, revoked or outside their validity); nothing was issued. Retry once a seal is active."),
        [ErrorCodes.TypeSchemaUnrenderable] = ("证照字段的每项定义都应为 JSON 对象（不支持布尔型模式），否则无法生成版式文件", "Every field definition must be a JSON object (boolean schemas are not accepted): a document could not be rendered from it."),
        [ErrorCodes.IssuerNotYours] = ("只能查询本部门签发的证照", "You can list only your own department's certificates."),
    };

    public static IEnumerable<string> Codes => Messages.Keys;

    public static string Message(string code, string language)
    {
        var (zh, en) = Messages.TryGetValue(code, out var message) ? message : ("未知错误", "Unknown error.");
        return language == "en" ? en : zh;
    }

    public static string Message(FieldError error, string language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Message(error.Code, language);
        return error.Detail is null ? message : $"{message} ({error.Detail})";
    }
}
