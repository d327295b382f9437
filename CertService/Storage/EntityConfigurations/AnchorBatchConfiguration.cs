using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class AnchorBatchConfiguration : IEntityTypeConfiguration<AnchorBatchRecord>
{
    public void Configure(EntityTypeBuilder<AnchorBatchRecord> builder)
    {
        builder.ToTable("anchor_batches");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.Root).IsUnique();
        builder.HasIndex(b => b.State);
        builder.Property(b => b.IssuerCode).HasMaxLength(18);
        builder.Property(b => b.HashAlgorithm).HasMaxLength(16);
        builder.Property(b => b.TransactionHash).HasMaxLength(66);
        builder.Property(b => b.LastFailure).HasMaxLength(1000);
    }
}
