using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class DataSharingRequestConfiguration : IEntityTypeConfiguration<DataSharingRequestRecord>
{
    public void Configure(EntityTypeBuilder<DataSharingRequestRecord> builder)
    {
        builder.ToTable("data_sharing_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ResourceCode).HasMaxLength(64);
        builder.Property(r => r.Consumer).HasMaxLength(18);
        builder.HasIndex(r => r.ResourceCode);
    }
}
