using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.CertService.Issuance;
using TrustLedger.ServiceDefaults;
using K = TrustLedger.ServiceDefaults.ProblemCatalog;

namespace TrustLedger.CertService.Apis;

/// <summary>
/// CertService's problems, each of a kind from the one catalogue both services share
/// (<see cref="ProblemCatalog"/>: code, HTTP status, Chinese and English title), with its detail
/// in both languages. Nothing else in the service invents an error shape.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult CertificateNotFound(Guid id) =>
        K.CertificateNotFound.Result($"本部门未签发编号为 {id} 的证照。", $"No certificate {id} was issued by your department.");

    public static ProblemHttpResult NotAnchoredYet(Guid id) =>
        K.NotAnchoredYet.Result($"证照 {id} 已受理，其批次尚未上链，请在下一个区块后重试。", $"Certificate {id} is accepted but its batch is not anchored yet; retry after the next block.");

    public static ProblemHttpResult AnchoringRefused(Guid id, string? reason) =>
        K.AnchoringRefused.Result($"证照 {id} 未能上链，原因见后。", $"Certificate {id} was not anchored: {reason}");

    public static ProblemHttpResult Quarantined(Guid id, string? reason) =>
        K.CertificateQuarantined.Result($"证照 {id} 已受理，但其文档无法生成，已暂搁；排除原因后由管理员重试。",
            $"Certificate {id} is accepted but set aside: its document could not be made ({reason}). An administrator retries it once the cause is fixed.");

    public static ProblemHttpResult TypeNotGranted(string typeCode) =>
        K.TypeNotGranted.Result($"本部门在发证机构登记簿中未获证照类型 {typeCode} 的授权。", $"Your department does not hold certificate type {typeCode} in the issuer registry.");

    public static ProblemHttpResult UnknownDepartment(string creditCode) =>
        K.DepartmentNotOnboarded.Result($"部门 {creditCode} 未接入本 CertService。", $"Department {creditCode} is not onboarded in this CertService.");

    public static ProblemHttpResult DepartmentInactive(string creditCode) =>
        K.DepartmentInactive.Result($"部门 {creditCode} 已在发证机构登记簿中被暂停或撤销，不能再变更证照状态。", $"Department {creditCode} is suspended or dissolved in the issuer registry; it can change no certificate's status.");

    public static ProblemHttpResult DepartmentNotFound(string creditCode) =>
        K.DepartmentNotFound.Result($"没有已接入的部门 {creditCode}。", $"No department {creditCode} is onboarded.");

    public static ProblemHttpResult ApiKeyNotFound(Guid id) =>
        K.ApiKeyNotFound.Result($"没有编号为 {id} 的 API 密钥。", $"No API key {id}.");

    public static ProblemHttpResult TypeNotFound(string code) =>
        K.TypeNotFound.Result($"没有证照类型 {code}。", $"No certificate type {code}.");

    public static ProblemHttpResult TypeExists(string code, int version) =>
        K.TypeExists.Result($"证照类型 {code} 第 {version} 版已定义；修改结构须新建版本。", $"Type {code} version {version} is already defined; a changed schema needs a new version.");

    public static ProblemHttpResult SealUnavailable() =>
        K.SealUnavailable.Result(ErrorCatalog.Message(ErrorCodes.SealUnavailable, "zh"), ErrorCatalog.Message(ErrorCodes.SealUnavailable, "en"));

    public static ProblemHttpResult NotQuarantined(string kind, Guid id) =>
        K.NotQuarantined.Result($"上链流水线未暂搁编号为 {id} 的记录。", $"No {kind} {id} is set aside by the anchoring pipeline.");

    public static ProblemHttpResult ChainRefused(string reason) =>
        K.ChainRefused.Result("区块链拒绝了该变更，原因见后。", reason);

    public static ProblemHttpResult InvalidIdempotencyKey() =>
        K.InvalidIdempotencyKey.Result("Idempotency-Key 须为 1 至 200 个字符。", "An Idempotency-Key is 1 to 200 characters.");

    public static ProblemHttpResult IdempotencyKeyReused(string key) =>
        K.IdempotencyKeyReused.Result($"幂等键 {key} 首次用于另一个请求；新请求请使用新的键。", $"The key {key} was first used with a different request; use a new key for a new request.");

    public static ProblemHttpResult BatchTooLarge(int limit) =>
        K.BatchTooLarge.Result($"一个批次最多 {limit} 张证照，未保存任何内容。", $"A batch holds at most {limit} certificates; nothing was stored.");

    public static ProblemHttpResult EmptyBatch() =>
        K.EmptyBatch.Result("请求体是空的 JSON 数组、null 或只有表头的 CSV，未保存任何内容。", "The body is an empty JSON array, null or a CSV header without rows; nothing was stored.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        K.UnsupportedMediaType.Result("请以 application/json（证照数组）或 text/csv 发送。", "Send application/json (an array of certificates) or text/csv.");

    public static ProblemHttpResult UnreadableBatch() =>
        K.UnreadableBody.Result("请求体不是证照的 JSON 数组，未保存任何内容。", "The body is not a JSON array of certificates; nothing was stored.");

    public static ProblemHttpResult SealNotFound(string code) =>
        K.SealNotFound.Result($"没有印章 {code}。", $"No seal {code}.");

    public static ProblemHttpResult SealExists(string code) =>
        K.SealExists.Result($"印章 {code} 已登记。", $"Seal {code} is already registered.");

    public static ProblemHttpResult InvalidTransition(Guid id, string from, string to) =>
        K.InvalidTransition.Result($"证照 {id} 当前为 {from}，不能变为 {to}。只有已暂停的证照可以恢复；已撤销和已换发为终态。",
            $"Certificate {id} is {from}; it cannot be {to}. Only a suspended certificate can be reinstated; revoked and superseded are final.");

    public static ProblemHttpResult ResourceNotFound(string code) =>
        K.ResourceNotFound.Result($"目录中没有数据资源 {code}。", $"No data resource {code} is in the catalog.");

    public static ProblemHttpResult VersionNotFound(string code, int version) =>
        K.VersionNotFound.Result($"数据资源 {code} 没有已发布的第 {version} 版。", $"Data resource {code} has no published version {version}.");

    public static ProblemHttpResult NotTheSource(string code, string detail) =>
        K.NotTheSource.Result($"数据资源 {code}：本部门不是此项操作的权威来源。", $"Data resource {code}: {detail}");

    public static ProblemHttpResult InvalidDataset(string detail) =>
        K.InvalidDataset.Result("数据集无法读取，未锚定任何内容。", detail + " Nothing was anchored.");

    public static ProblemHttpResult NotShared(string code) =>
        K.NotShared.Result($"数据资源 {code} 在目录中为不予共享。", $"Data resource {code} is classed 不予共享 (not shared) in the catalog.");

    public static ProblemHttpResult DataAccessNotApproved(string code) =>
        K.DataAccessNotApproved.Result(
            $"数据资源 {code} 的行证明、盐值与行校验仅向其来源部门、在有效期内获批共享申请的部门或开放资源提供。",
            $"Row proofs, salts and row checks of {code} are for its source department, departments with an approved request within its window, or open resources; ask for it with POST /api/v1/data/resources/{code}/requests.");

    public static ProblemHttpResult DataRequestNotFound(Guid id) =>
        K.DataRequestNotFound.Result($"没有编号为 {id} 的共享申请。", $"There is no data sharing request {id}.");

    public static ProblemHttpResult RequestDecided(Guid id, string state) =>
        K.RequestNotOpen.Result($"共享申请 {id} 当前为 {state}。", $"Data sharing request {id} is {state}.");

    public static ProblemHttpResult AgencyNotFound(string code) =>
        K.AgencyNotFound.Result($"用证机构 {code} 未登记。", $"No relying agency {code} is registered for sharing.");

    public static ProblemHttpResult AgencyExists(string code) =>
        K.AgencyExists.Result($"用证机构 {code} 已登记。", $"Agency {code} is registered already.");

    public static ProblemHttpResult GrantNotFound(Guid id) =>
        K.GrantNotFound.Result($"没有给您的授权 {id}。", $"There is no sharing grant {id} for you.");

    public static ProblemHttpResult GrantNotUsable(Guid id, string reason) =>
        K.GrantNotUsable.Result($"授权 {id} 当前不可用（已撤销、已过期或用尽）。", $"Grant {id} {reason}.");

    public static ProblemHttpResult DocumentNotReady(Guid id) =>
        K.DocumentNotReady.Result($"证照 {id} 已受理，其 PDF 将在下一轮上链时生成并签章，请稍后重试。", $"Certificate {id} is accepted; its PDF is rendered and sealed with the next anchoring round. Retry shortly.");

    public static ProblemHttpResult NoDocument(Guid id) =>
        K.NoDocument.Result($"证照 {id} 仅签发数据（document: none），其印章签署证照包中的数据，没有 PDF。",
            $"Certificate {id} was issued as data only (document: none): its seal signs the data in the bundle, and there is no PDF.");

    public static ProblemHttpResult ChainUnavailable() =>
        K.ChainUnavailable.Result("区块链节点未应答，未保存任何内容，请稍后重试。", "The chain node did not answer; nothing was stored. Retry later.");

    /// <summary>
    /// 400 listing every failing field: <c>errors</c> (field → messages, the ASP.NET shape) and
    /// <c>fieldErrors</c> (field, stable code, message) in the caller's language.
    /// </summary>
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, string language, ProblemKind? kind = null)
    {
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => ErrorCatalog.Message(e, language)).ToArray());
        var fieldErrors = errors.Select(e => new { field = e.Field, code = e.Code, message = ErrorCatalog.Message(e, language) }).ToList();
        return (kind ?? K.InvalidCertificate).Validation(byField, new Dictionary<string, object?> { ["fieldErrors"] = fieldErrors });
    }
}
