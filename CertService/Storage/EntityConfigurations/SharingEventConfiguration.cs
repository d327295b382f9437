using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class SharingEventConfiguration : IEntityTypeConfiguration<SharingEventRecord>
{
    public void Configure(EntityTypeBuilder<SharingEventRecord> builder)
    {
        builder.ToTable("sharing_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.AgencyCode).HasMaxLength(18);
        builder.Property(e => e.TrailTransaction).HasMaxLength(66);
        builder.HasIndex(e => e.CertificateId);
        builder.HasIndex(e => e.TrailRoot);
    }
}
