using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class DataResourceConfiguration : IEntityTypeConfiguration<DataResourceRecord>
{
    public void Configure(EntityTypeBuilder<DataResourceRecord> builder)
    {
        builder.ToTable("data_resources");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.Property(r => r.SourceDepartment).HasMaxLength(18);
        builder.HasIndex(r => r.SourceDepartment);
    }
}
