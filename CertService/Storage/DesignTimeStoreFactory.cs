using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrustLedger.CertService.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeStoreFactory : IDesignTimeDbContextFactory<CertificateStore>
{
    public CertificateStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CertificateStore>().UseSqlite("Data Source=design-time.db").Options);
}
