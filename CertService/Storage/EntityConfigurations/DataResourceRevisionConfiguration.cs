using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class DataResourceRevisionConfiguration : IEntityTypeConfiguration<DataResourceRevisionRecord>
{
    public void Configure(EntityTypeBuilder<DataResourceRevisionRecord> builder)
    {
        builder.ToTable("data_resource_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.HasIndex(r => new { r.Code, r.CatalogVersion }).IsUnique();
        builder.Property(r => r.State).HasMaxLength(16);
    }
}
