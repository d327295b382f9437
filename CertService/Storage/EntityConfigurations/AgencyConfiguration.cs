using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<AgencyRecord>
{
    public void Configure(EntityTypeBuilder<AgencyRecord> builder)
    {
        builder.ToTable("agencies");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(18);
        builder.Property(a => a.ApiKeyHash).HasMaxLength(64);
        builder.HasIndex(a => a.ApiKeyHash).IsUnique();
    }
}
