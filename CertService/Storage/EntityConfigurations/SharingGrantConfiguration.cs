using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class SharingGrantConfiguration : IEntityTypeConfiguration<SharingGrantRecord>
{
    public void Configure(EntityTypeBuilder<SharingGrantRecord> builder)
    {
        builder.ToTable("sharing_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.AgencyCode).HasMaxLength(18);
        builder.Property(g => g.Purpose).HasMaxLength(200);
        builder.HasIndex(g => g.CertificateId);
    }
}
