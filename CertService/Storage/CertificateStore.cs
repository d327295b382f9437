using Microsoft.EntityFrameworkCore;

namespace TrustLedger.CertService.Storage;

/// <summary>The certificate database: SQLite by default (embedded), PostgreSQL in production.</summary>
public sealed class CertificateStore(DbContextOptions<CertificateStore> options) : DbContext(options)
{
    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<AnchorBatchRecord> Batches => Set<AnchorBatchRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var certificate = modelBuilder.Entity<CertificateRecord>();
        certificate.ToTable("certificates");
        certificate.HasKey(c => c.Id);
        certificate.Property(c => c.TypeCode).HasMaxLength(64);
        certificate.Property(c => c.IssuerCode).HasMaxLength(18);
        certificate.Property(c => c.HashAlgorithm).HasMaxLength(16);
        // The anchoring worker's query: a department's pending certificates not yet in a batch.
        certificate.HasIndex(c => new { c.Status, c.BatchId, c.IssuerCode, c.AcceptedAt });
        certificate.HasOne(c => c.Batch).WithMany(b => b.Certificates).HasForeignKey(c => c.BatchId);

        var batch = modelBuilder.Entity<AnchorBatchRecord>();
        batch.ToTable("anchor_batches");
        batch.HasKey(b => b.Id);
        batch.HasIndex(b => b.Root).IsUnique();
        batch.HasIndex(b => b.State);
        batch.Property(b => b.IssuerCode).HasMaxLength(18);
        batch.Property(b => b.HashAlgorithm).HasMaxLength(16);
        batch.Property(b => b.TransactionHash).HasMaxLength(66);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks, which sort the same everywhere.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<CertificateStatus>().HaveConversion<int>();
        configurationBuilder.Properties<AnchorBatchState>().HaveConversion<int>();
    }
}
