using Microsoft.EntityFrameworkCore;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// The issuing request's lookups, compiled once per provider's store type. An ad hoc LINQ query
/// compiles a parameter extractor (a dynamic method, finalized later) on every execution, which
/// under load cost more than the query itself. A compiled query is bound to the model it first
/// ran with, hence one set per concrete store (a process may hold both, as the tests do).
/// </summary>
internal static class HotQueries<TStore>
    where TStore : CertificateStore
{
    public static readonly Func<TStore, string, CancellationToken, Task<ApiKeyRecord?>> ActiveApiKey = EF.CompileAsyncQuery(
        (TStore store, string hash, CancellationToken _) => store.ApiKeys.AsNoTracking().SingleOrDefault(k => k.KeyHash == hash && k.RevokedAt == null));

    public static readonly Func<TStore, string, CancellationToken, Task<DepartmentRecord?>> Department = EF.CompileAsyncQuery(
        (TStore store, string code, CancellationToken _) => store.Departments.AsNoTracking().SingleOrDefault(d => d.CreditCode == code));

    public static readonly Func<TStore, string, CancellationToken, Task<CertificateTypeRecord?>> LatestType = EF.CompileAsyncQuery(
        (TStore store, string code, CancellationToken _) => store.CertificateTypes.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefault());
}
