using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersionRecord>
{
    public void Configure(EntityTypeBuilder<DatasetVersionRecord> builder)
    {
        builder.ToTable("dataset_versions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ResourceCode).HasMaxLength(64);
        builder.HasIndex(d => new { d.ResourceCode, d.Version }).IsUnique();
        builder.Property(d => d.State).HasMaxLength(16);
    }
}
