using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class SealConfiguration : IEntityTypeConfiguration<SealRecord>
{
    public void Configure(EntityTypeBuilder<SealRecord> builder)
    {
        builder.ToTable("seals");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(59);
        builder.HasIndex(s => s.DepartmentCode);
        builder.Property(s => s.State).HasMaxLength(16);
    }
}
