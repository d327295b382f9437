using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrustLedger.ServiceDefaults;

/// <summary>
/// One kind of problem either service answers with: its stable code (the type URI is
/// <see cref="ProblemCatalog.TypeBase"/> + code, and the <c>code</c> extension), its HTTP status and
/// its title in Chinese and English.
/// </summary>
public sealed record ProblemKind(string Code, int Status, string Chinese, string English)
{
    public string Type => ProblemCatalog.TypeBase + Code;

    /// <summary>The title as both services write it: Chinese, then English.</summary>
    public string Title => $"{Chinese} {English}";

    /// <summary>This problem from an endpoint, with its detail in Chinese and English.</summary>
    public ProblemHttpResult Result(string chinese, string english, IReadOnlyDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: $"{chinese} {english}", statusCode: Status, title: Title, type: Type, extensions: Extensions(extensions));

    /// <summary>This problem as a 400 listing the failing fields (the ASP.NET <c>errors</c> shape).</summary>
    public ValidationProblem Validation(IDictionary<string, string[]> errors, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Status == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(errors, detail: ProblemCatalog.FieldsDetail, title: Title, type: Type, extensions: Extensions(extensions))
            : throw new InvalidOperationException($"{Code} is a {Status}, not a validation problem");

    private Dictionary<string, object?> Extensions(IReadOnlyDictionary<string, object?>? extra)
    {
        var all = new Dictionary<string, object?> { ["code"] = Code };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            all[key] = value;
        }

        return all;
    }
}

/// <summary>
/// Every problem TrustLedger's services answer with, in one place: CertService's, the Verifier's and
/// those the shared hosting writes (bad bodies, outages, rate limits, unexpected errors). An
/// endpoint takes its problem from here; a problem written by the framework itself (an unknown route,
/// a wrong method) is given the catalogue's kind for its status by <see cref="Apply"/>.
/// </summary>
public static class ProblemCatalog
{
    public const string TypeBase = "https://trustledger.example/problems/";

    /// <summary>The detail of every validation problem; the fields' own messages are under <c>errors</c>.</summary>
    public const string FieldsDetail = "请求中有不合格的字段，见 errors，未保存任何内容。Some fields are not valid (see errors); nothing was stored.";

    // What the framework answers by itself, by status.
    public static readonly ProblemKind BadRequest = new("bad-request", 400, "请求无效", "Bad request");
    public static readonly ProblemKind Unauthenticated = new("unauthenticated", 401, "需要身份认证", "Authentication required");
    public static readonly ProblemKind Forbidden = new("forbidden", 403, "无权执行", "Not allowed");
    public static readonly ProblemKind NotFound = new("not-found", 404, "资源不存在", "Not found");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "不支持该请求方法", "Method not allowed");
    public static readonly ProblemKind NotAcceptable = new("not-acceptable", 406, "无法提供所要求的格式", "Not acceptable");
    public static readonly ProblemKind RequestTimeout = new("request-timeout", 408, "请求超时", "Request timeout");
    public static readonly ProblemKind Conflict = new("conflict", 409, "与当前状态冲突", "Conflict");
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", 413, "请求体过大", "Payload too large");
    public static readonly ProblemKind UriTooLong = new("uri-too-long", 414, "请求地址过长", "URI too long");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "不支持的媒体类型", "Unsupported media type");
    public static readonly ProblemKind HeadersTooLarge = new("headers-too-large", 431, "请求头过大", "Request headers too large");
    public static readonly ProblemKind InternalError = new("internal-error", 500, "服务内部错误", "Internal error");
    public static readonly ProblemKind BadGateway = new("bad-gateway", 502, "上游服务应答无效", "Bad gateway");
    public static readonly ProblemKind ServiceUnavailable = new("service-unavailable", 503, "服务暂不可用", "Service unavailable");
    public static readonly ProblemKind GatewayTimeout = new("gateway-timeout", 504, "上游服务超时", "Gateway timeout");

    // Shared hosting.
    public static readonly ProblemKind UnreadableBody = new("unreadable-body", 400, "无法读取请求体", "The request body could not be read");
    public static readonly ProblemKind InvalidJson = new("invalid-json", 400, "JSON 内容无法规范化", "The JSON has no canonical form");
    public static readonly ProblemKind TooManyRequests = new("too-many-requests", 429, "请求过于频繁", "Too many requests");
    public static readonly ProblemKind ChainUnavailable = new("chain-unavailable", 503, "区块链暂不可用", "Chain unavailable");
    public static readonly ProblemKind StorageUnavailable = new("storage-unavailable", 503, "存储暂不可用", "Storage unavailable");
    public static readonly ProblemKind Busy = new("busy", 503, "服务繁忙", "Service busy");

    // CertService: certificates and their lifecycle.
    public static readonly ProblemKind InvalidCertificate = new("invalid-certificate", 400, "证照数据不合格", "The certificate has invalid fields");
    public static readonly ProblemKind InvalidQuery = new("invalid-query", 400, "查询条件无效", "The query is not valid");
    public static readonly ProblemKind CertificateNotFound = new("certificate-not-found", 404, "证照不存在", "Certificate not found");
    public static readonly ProblemKind NotAnchoredYet = new("not-anchored-yet", 409, "证照尚未上链", "Certificate not anchored yet");
    public static readonly ProblemKind AnchoringRefused = new("anchoring-refused", 409, "链拒绝了该证照所在批次", "The chain refused this certificate's batch");
    public static readonly ProblemKind CertificateQuarantined = new("certificate-quarantined", 409, "证照已被暂搁", "Certificate set aside");
    public static readonly ProblemKind DocumentNotReady = new("document-not-ready", 409, "文档尚未签章", "Document not sealed yet");
    public static readonly ProblemKind NoDocument = new("no-document", 404, "无文档", "No document");
    public static readonly ProblemKind InvalidStatusChange = new("invalid-status-change", 400, "状态变更无效", "The status change is not valid");
    public static readonly ProblemKind InvalidTransition = new("invalid-transition", 409, "不允许的状态变更", "Status change not allowed");
    public static readonly ProblemKind ChainRefused = new("chain-refused", 409, "链拒绝了该变更", "The chain refused the change");
    public static readonly ProblemKind InvalidIdempotencyKey = new("invalid-idempotency-key", 400, "幂等键无效", "Invalid Idempotency-Key");
    public static readonly ProblemKind IdempotencyKeyReused = new("idempotency-key-reused", 422, "幂等键被重复使用", "Idempotency-Key reused");
    public static readonly ProblemKind BatchTooLarge = new("batch-too-large", 413, "行数过多", "Too many rows");
    public static readonly ProblemKind EmptyBatch = new("empty-batch", 400, "批次中没有证照", "The batch holds no certificates");

    // CertService: departments, types, seals, the anchoring pipeline.
    public static readonly ProblemKind InvalidDepartment = new("invalid-department", 400, "部门信息无效", "The department is not valid");
    public static readonly ProblemKind DepartmentNotOnboarded = new("department-not-onboarded", 403, "部门未接入", "Department not onboarded");
    public static readonly ProblemKind DepartmentInactive = new("department-inactive", 403, "部门已在链上被暂停", "Department suspended on chain");
    public static readonly ProblemKind DepartmentNotFound = new("department-not-found", 404, "部门不存在", "Department not found");
    public static readonly ProblemKind ApiKeyNotFound = new("api-key-not-found", 404, "API 密钥不存在", "API key not found");
    public static readonly ProblemKind InvalidType = new("invalid-type", 400, "证照类型定义无效", "The certificate type is not valid");
    public static readonly ProblemKind TypeNotFound = new("type-not-found", 404, "证照类型不存在", "Certificate type not found");
    public static readonly ProblemKind TypeExists = new("type-exists", 409, "该类型版本已存在", "Type version exists");
    public static readonly ProblemKind TypeNotGranted = new("type-not-granted", 403, "未获该证照类型授权", "Certificate type not granted");
    public static readonly ProblemKind InvalidGrant = new("invalid-grant", 400, "授权无效", "The grant is not valid");
    public static readonly ProblemKind InvalidSeal = new("invalid-seal", 400, "印章信息无效", "The seal is not valid");
    public static readonly ProblemKind SealNotFound = new("seal-not-found", 404, "印章不存在", "Seal not found");
    public static readonly ProblemKind SealExists = new("seal-exists", 409, "印章已存在", "Seal exists");
    public static readonly ProblemKind SealUnavailable = new("seal-unavailable", 409, "暂无可用印章", "No seal can sign now");
    public static readonly ProblemKind NotQuarantined = new("not-quarantined", 404, "该编号下无暂搁项", "Nothing quarantined under that id");

    // CertService: sharing with relying agencies.
    public static readonly ProblemKind InvalidAgency = new("invalid-agency", 400, "用证机构登记无效", "The agency registration is not valid");
    public static readonly ProblemKind AgencyNotFound = new("agency-not-found", 404, "用证机构未登记", "Agency not registered");
    public static readonly ProblemKind AgencyExists = new("agency-exists", 409, "用证机构已登记", "Agency already registered");
    public static readonly ProblemKind GrantNotFound = new("grant-not-found", 404, "授权不存在", "Grant not found");
    public static readonly ProblemKind GrantNotUsable = new("grant-not-usable", 403, "该授权当前不可用", "The grant does not allow access now");

    // CertService: shared data.
    public static readonly ProblemKind InvalidCatalogEntry = new("invalid-catalog-entry", 400, "目录条目无效", "The catalog entry is not valid");
    public static readonly ProblemKind InvalidCatalogImport = new("invalid-catalog-import", 400, "无法读取导入内容", "The import cannot be read");
    public static readonly ProblemKind ResourceNotFound = new("resource-not-found", 404, "目录中无此数据资源", "Data resource not in the catalog");
    public static readonly ProblemKind VersionNotFound = new("version-not-found", 404, "数据集版本不存在", "Dataset version not found");
    public static readonly ProblemKind NotTheSource = new("not-the-source", 403, "非权威来源部门", "Not the authoritative source");
    public static readonly ProblemKind InvalidDataset = new("invalid-dataset", 400, "无法读取数据集", "The dataset cannot be read");
    public static readonly ProblemKind DatasetMediaType = new("dataset-media-type", 415, "不支持的数据集格式", "Unsupported dataset format");
    public static readonly ProblemKind NotShared = new("not-shared", 403, "不予共享", "Not shared");
    public static readonly ProblemKind DataAccessNotApproved = new("data-access-not-approved", 403, "未获共享批准", "No approved data request");
    public static readonly ProblemKind InvalidDataRequest = new("invalid-data-request", 400, "共享申请无效", "The data request is not valid");
    public static readonly ProblemKind DataRequestNotFound = new("data-request-not-found", 404, "共享申请不存在", "Data request not found");
    public static readonly ProblemKind RequestNotOpen = new("request-not-open", 409, "该申请不允许此操作", "The request does not allow this");
    public static readonly ProblemKind InvalidDelivery = new("invalid-delivery", 400, "交付记录无效", "The delivery record is not valid");

    // The Verifier.
    public static readonly ProblemKind MalformedBundle = new("malformed-bundle", 400, "请求体不是 trustledger.bundle.v1 证照包", "The body is not a trustledger.bundle.v1 bundle");
    public static readonly ProblemKind InvalidTime = new("invalid-time", 400, "无法识别所查询的时间", "The time asked about is not readable");
    public static readonly ProblemKind InvalidQrPayload = new("invalid-qr-payload", 400, "不是 TrustLedger 二维码", "Not a TrustLedger QR code");
    public static readonly ProblemKind MultipartRequired = new("multipart-required", 415, "请以 multipart/form-data 发送", "Send multipart/form-data");
    public static readonly ProblemKind UnreadableForm = new("unreadable-form", 400, "无法读取表单", "The form cannot be read");
    public static readonly ProblemKind DocumentTooLarge = new("document-too-large", 413, "文档过大", "Document too large");
    public static readonly ProblemKind InvalidDocumentRequest = new("invalid-document-request", 400, "请求未附带 PDF 及其证照包", "The request does not carry a PDF and its bundle");

    /// <summary>Every kind, by code.</summary>
    public static IReadOnlyDictionary<string, ProblemKind> All { get; } = typeof(ProblemCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ProblemKind))
        .Select(f => (ProblemKind)f.GetValue(null)!)
        .ToDictionary(k => k.Code, StringComparer.Ordinal);

    private static readonly Dictionary<int, ProblemKind> ByStatus = new[]
    {
        BadRequest, Unauthenticated, Forbidden, NotFound, MethodNotAllowed, NotAcceptable, RequestTimeout, Conflict, PayloadTooLarge, UriTooLong,
        UnsupportedMediaType, HeadersTooLarge, TooManyRequests, InternalError, BadGateway, ServiceUnavailable, GatewayTimeout,
    }.ToDictionary(k => k.Status);

    /// <summary>The kind of a status the framework answered by itself; a status without one is a bad request (4xx) or an internal error (5xx).</summary>
    public static ProblemKind ForStatus(int status) =>
        ByStatus.TryGetValue(status, out var kind) ? kind : status >= 500 ? InternalError : BadRequest;

    /// <summary>
    /// The problem writer's last customisation: a problem no endpoint named (the framework's own 404,
    /// 405, 415, a bare 401…) gets the catalogue's kind for its status, in both languages; an
    /// unexpected exception becomes the one generic 500, with its trace id and nothing of the exception.
    /// </summary>
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var kind = ForStatus(problem.Status ?? StatusCodes.Status500InternalServerError);
        if (kind == InternalError)
        {
            // Nothing of the exception: no type, message, host, path or stack.
            kind = InternalError;
            problem.Detail = "服务处理本次请求时出错，已记录，请凭 traceId 联系运维。The service failed on this request; it was logged. Quote the traceId to the operators.";
            problem.Extensions.Remove("exception");
            problem.Extensions.Remove("errors");
        }
        else
        {
            problem.Detail = null;
        }

        problem.Type = kind.Type;
        problem.Title = kind.Title;
        problem.Extensions["code"] = kind.Code;
    }
}
