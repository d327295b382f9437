using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// Who may see a dataset version's rows: a row's salt and leaf hash (its proof), and the answer to
/// "is this row, or this file, what the source published?" (row, file and cross-checks). Each of
/// these is an oracle for personal data (a guessed row is confirmed or not), so they are for the
/// source department, a department whose request for the resource was approved and has not run out,
/// and anyone for an open resource (which holds no personal field: the catalog refuses that).
/// </summary>
public static class DatasetAccess
{
    public static async Task<bool> MayReadRowsAsync(CertificateStore store, DataResourceRecord resource, string caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.SourceDepartment == caller || resource.OpenClass == "open")
        {
            return true;
        }

        // The windows are compared here, not in SQL: SQLite cannot order DateTimeOffset values.
        var windows = await store.DataSharingRequests.AsNoTracking()
            .Where(r => r.ResourceCode == resource.Code && r.Consumer == caller && r.State == "approved")
            .Select(r => r.NotAfter).ToListAsync(cancellationToken);
        return windows.Any(notAfter => notAfter >= now);
    }
}
