using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class DataTrailEntryConfiguration : IEntityTypeConfiguration<DataTrailEntryRecord>
{
    public void Configure(EntityTypeBuilder<DataTrailEntryRecord> builder)
    {
        builder.ToTable("data_trail");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ResourceCode).HasMaxLength(64);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.HasIndex(e => new { e.ResourceCode, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.TrailRoot);
    }
}
