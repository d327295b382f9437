using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class CertificateTypeConfiguration : IEntityTypeConfiguration<CertificateTypeRecord>
{
    public void Configure(EntityTypeBuilder<CertificateTypeRecord> builder)
    {
        builder.ToTable("certificate_types");
        builder.HasKey(t => new { t.Code, t.Version });
        builder.Property(t => t.Code).HasMaxLength(21);
    }
}
