using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrustLedger.CertService.Storage;

/// <summary>Lets `dotnet ef migrations add --context SqliteCertificateStore` build the model without starting the service.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCertificateStore>
{
    public SqliteCertificateStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCertificateStore>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef migrations add --context PostgresCertificateStore` build the model; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCertificateStore>
{
    public PostgresCertificateStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCertificateStore>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
