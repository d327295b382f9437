using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.CertService.Issuance;

namespace TrustLedger.CertService.Apis;

/// <summary>
/// The catalogue of CertService errors: each has a stable type URI and code, mapped to an RFC 9457
/// problem with its HTTP status and a title in Chinese and English. Nothing else in the service
/// invents an error shape.
/// </summary>
public static class Problems
{
    private const string Base = "https://trustledger.example/problems/";

    public static ProblemHttpResult CertificateNotFound(Guid id) =>
        Make(StatusCodes.Status404NotFound, "certificate-not-found", "证照不存在 Certificate not found", $"No certificate {id} was issued by your department.");

    public static ProblemHttpResult NotAnchoredYet(Guid id) =>
        Make(StatusCodes.Status409Conflict, "not-anchored-yet", "证照尚未上链 Certificate not anchored yet", $"Certificate {id} is accepted but its batch is not anchored yet; retry after the next block.");

    public static ProblemHttpResult AnchoringRefused(Guid id, string? reason) =>
        Make(StatusCodes.Status409Conflict, "anchoring-refused", "链拒绝了该证照所在批次 The chain refused this certificate's batch", $"Certificate {id} was not anchored: {reason}");

    public static ProblemHttpResult Quarantined(Guid id, string? reason) =>
        Make(StatusCodes.Status409Conflict, "certificate-quarantined", "证照已被暂搁 Certificate set aside",
            $"Certificate {id} is accepted but set aside: its document could not be made ({reason}). An administrator retries it once the cause is fixed.");

    public static ProblemHttpResult TypeNotGranted(string typeCode) =>
        Make(StatusCodes.Status403Forbidden, "type-not-granted", "未获该证照类型授权 Certificate type not granted", $"Your department does not hold certificate type {typeCode} in the issuer registry.");

    public static ProblemHttpResult UnknownDepartment(string creditCode) =>
        Make(StatusCodes.Status403Forbidden, "department-not-onboarded", "部门未接入 Department not onboarded", $"Department {creditCode} is not onboarded in this CertService.");

    public static ProblemHttpResult DepartmentNotFound(string creditCode) =>
        Make(StatusCodes.Status404NotFound, "department-not-found", "部门不存在 Department not found", $"No department {creditCode} is onboarded.");

    public static ProblemHttpResult ApiKeyNotFound(Guid id) =>
        Make(StatusCodes.Status404NotFound, "api-key-not-found", "API 密钥不存在 API key not found", $"No API key {id}.");

    public static ProblemHttpResult TypeNotFound(string code) =>
        Make(StatusCodes.Status404NotFound, "type-not-found", "证照类型不存在 Certificate type not found", $"No certificate type {code}.");

    public static ProblemHttpResult TypeExists(string code, int version) =>
        Make(StatusCodes.Status409Conflict, "type-exists", "该类型版本已存在 Type version exists", $"Type {code} version {version} is already defined; a changed schema needs a new version.");

    public static ProblemHttpResult SealUnavailable(string language) =>
        Make(StatusCodes.Status409Conflict, "seal-unavailable", "暂无可用印章 No seal can sign now", ErrorCatalog.Message(ErrorCodes.SealUnavailable, language));

    public static ProblemHttpResult NotQuarantined(string kind, Guid id) =>
        Make(StatusCodes.Status404NotFound, "not-quarantined", "该编号下无暂搁项 Nothing quarantined under that id", $"No {kind} {id} is set aside by the anchoring pipeline.");

    public static ProblemHttpResult ChainRefused(string reason) =>
        Make(StatusCodes.Status409Conflict, "chain-refused", "链拒绝了该变更 The chain refused the change", reason);

    public static ProblemHttpResult InvalidIdempotencyKey() =>
        Make(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "幂等键无效 Invalid Idempotency-Key", "An Idempotency-Key is 1 to 200 characters.");

    public static ProblemHttpResult IdempotencyKeyReused(string key) =>
        Make(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "幂等键被重复使用 Idempotency-Key reused", $"The key {key} was first used with a different request; use a new key for a new request.");

    public static ProblemHttpResult BatchTooLarge(int limit) =>
        Make(StatusCodes.Status413PayloadTooLarge, "batch-too-large", "行数过多 Too many rows", $"A batch holds at most {limit} certificates; nothing was stored.");

    public static ProblemHttpResult EmptyBatch() =>
        Make(StatusCodes.Status400BadRequest, "empty-batch", "批次中没有证照 The batch holds no certificates", "The body is an empty JSON array, null or a CSV header without rows; nothing was stored.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        Make(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "不支持的媒体类型 Unsupported media type", "Send application/json (an array of certificates) or text/csv.");

    public static ProblemHttpResult UnreadableBatch() =>
        Make(StatusCodes.Status400BadRequest, "unreadable-body", "无法读取该批次 The batch could not be read", "The body is not a JSON array of certificates; nothing was stored.");

    public static ProblemHttpResult SealNotFound(string code) =>
        Make(StatusCodes.Status404NotFound, "seal-not-found", "印章不存在 Seal not found", $"No seal {code}.");

    public static ProblemHttpResult SealExists(string code) =>
        Make(StatusCodes.Status409Conflict, "seal-exists", "印章已存在 Seal exists", $"Seal {code} is already registered.");

    public static ProblemHttpResult InvalidTransition(Guid id, string from, string to) =>
        Make(StatusCodes.Status409Conflict, "invalid-transition", "不允许的状态变更 Status change not allowed",
            $"Certificate {id} is {from}; it cannot be {to}. Only a suspended certificate can be reinstated; revoked and superseded are final.");

    public static ProblemHttpResult ResourceNotFound(string code) =>
        Make(StatusCodes.Status404NotFound, "resource-not-found", "目录中无此数据资源 Data resource not in the catalog", $"No data resource {code} is in the catalog.");

    public static ProblemHttpResult VersionNotFound(string code, int version) =>
        Make(StatusCodes.Status404NotFound, "version-not-found", "数据集版本不存在 Dataset version not found", $"Data resource {code} has no published version {version}.");

    public static ProblemHttpResult NotTheSource(string code, string detail) =>
        Make(StatusCodes.Status403Forbidden, "not-the-source", "非权威来源部门 Not the authoritative source", $"Data resource {code}: {detail}");

    public static ProblemHttpResult InvalidDataset(string detail) =>
        Make(StatusCodes.Status400BadRequest, "invalid-dataset", "无法读取数据集 The dataset cannot be read", detail + " Nothing was anchored.");

    public static ProblemHttpResult NotShared(string code) =>
        Make(StatusCodes.Status403Forbidden, "not-shared", "不予共享 Not shared", $"Data resource {code} is classed 不予共享 (not shared) in the catalog.");

    public static ProblemHttpResult DataAccessNotApproved(string code) =>
        Make(StatusCodes.Status403Forbidden, "data-access-not-approved", "未获共享批准 No approved data request",
            $"数据资源 {code} 的行证明、盐值与行校验仅向其来源部门、在有效期内获批共享申请的部门或开放资源提供。Row proofs, salts and row checks of {code} are for its source department, departments with an approved request within its window, or open resources; ask for it with POST /api/v1/data/resources/{code}/requests.");

    public static ProblemHttpResult DataRequestNotFound(Guid id) =>
        Make(StatusCodes.Status404NotFound, "data-request-not-found", "共享申请不存在 Data request not found", $"There is no data sharing request {id}.");

    public static ProblemHttpResult RequestDecided(Guid id, string state) =>
        Make(StatusCodes.Status409Conflict, "request-not-open", "该申请不允许此操作 The request does not allow this", $"Data sharing request {id} is {state}.");

    public static ProblemHttpResult AgencyNotFound(string code) =>
        Make(StatusCodes.Status404NotFound, "agency-not-found", "用证机构未登记 Agency not registered", $"No relying agency {code} is registered for sharing.");

    public static ProblemHttpResult AgencyExists(string code) =>
        Make(StatusCodes.Status409Conflict, "agency-exists", "用证机构已登记 Agency already registered", $"Agency {code} is registered already.");

    public static ProblemHttpResult GrantNotFound(Guid id) =>
        Make(StatusCodes.Status404NotFound, "grant-not-found", "授权不存在 Grant not found", $"There is no sharing grant {id} for you.");

    public static ProblemHttpResult GrantNotUsable(Guid id, string reason) =>
        Make(StatusCodes.Status403Forbidden, "grant-not-usable", "该授权当前不可用 The grant does not allow access now", $"Grant {id} {reason}.");

    public static ProblemHttpResult DocumentNotReady(Guid id) =>
        Make(StatusCodes.Status409Conflict, "document-not-ready", "文档尚未签章 Document not sealed yet", $"Certificate {id} is accepted; its PDF is rendered and sealed with the next anchoring round. Retry shortly.");

    public static ProblemHttpResult NoDocument(Guid id) =>
        Make(StatusCodes.Status404NotFound, "no-document", "无文档 No document", $"Certificate {id} was issued as data only (document: none): its seal signs the data in the bundle, and there is no PDF.");

    public static ProblemHttpResult ChainUnavailable() =>
        Make(StatusCodes.Status503ServiceUnavailable, "chain-unavailable", "区块链暂不可用 Chain unavailable", "The chain node did not answer; nothing was stored. Retry later.");

    /// <summary>
    /// 400 listing every failing field: <c>errors</c> (field → messages, the ASP.NET shape) and
    /// <c>fieldErrors</c> (field, stable code, message) in the caller's language.
    /// </summary>
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, string language, string code = "invalid-certificate")
    {
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => ErrorCatalog.Message(e, language)).ToArray());
        var fieldErrors = errors.Select(e => new { field = e.Field, code = e.Code, message = ErrorCatalog.Message(e, language) }).ToList();
        return TypedResults.ValidationProblem(
            byField,
            title: language == "en" ? "The request has invalid fields" : "请求中有不合格的字段",
            type: Base + code,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["fieldErrors"] = fieldErrors });
    }

    private static ProblemHttpResult Make(int status, string code, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: Base + code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
