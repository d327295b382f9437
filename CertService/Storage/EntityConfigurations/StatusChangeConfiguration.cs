using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChangeRecord>
{
    public void Configure(EntityTypeBuilder<StatusChangeRecord> builder)
    {
        builder.ToTable("status_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.IssuerCode).HasMaxLength(18);
        builder.Property(c => c.State).HasMaxLength(16);
        builder.Property(c => c.TransactionHash).HasMaxLength(66);
        builder.HasIndex(c => new { c.State, c.IssuerCode, c.RequestedAt });
        builder.Property(c => c.LastFailure).HasMaxLength(1000);
        builder.HasIndex(c => c.CertificateId);
    }
}
