using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<CertificateRecord>
{
    public void Configure(EntityTypeBuilder<CertificateRecord> builder)
    {
        builder.ToTable("certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Identifier).HasMaxLength(100);
        builder.HasIndex(c => c.Identifier).IsUnique();
        builder.Property(c => c.TypeCode).HasMaxLength(64);
        builder.Property(c => c.IssuerCode).HasMaxLength(18);
        builder.Property(c => c.HashAlgorithm).HasMaxLength(16);
        builder.Property(c => c.RelatedIdentifier).HasMaxLength(100);
        // The anchoring worker's query: a department's pending certificates not yet in a batch.
        builder.HasIndex(c => new { c.Status, c.BatchId, c.IssuerCode, c.AcceptedAt });
        builder.HasIndex(c => c.HolderCodeHash);
        builder.HasIndex(c => new { c.IssuerCode, c.TypeCode, c.AcceptedAt });
        builder.Property(c => c.LastFailure).HasMaxLength(1000);
        builder.HasOne(c => c.Batch).WithMany(b => b.Certificates).HasForeignKey(c => c.BatchId);
    }
}
