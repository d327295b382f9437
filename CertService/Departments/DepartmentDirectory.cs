using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Departments;

/// <summary>Finds onboarded departments in the store.</summary>
public static class DepartmentDirectory
{
    public static async Task<Department?> FindAsync(CertificateStore store, string creditCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = await store.FindDepartmentAsync(creditCode, cancellationToken);
        return record is null ? null : new Department(record.CreditCode, record.Name, record.Account);
    }
}
