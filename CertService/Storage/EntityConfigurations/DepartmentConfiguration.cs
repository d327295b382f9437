using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<DepartmentRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentRecord> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.CreditCode);
        builder.Property(d => d.CreditCode).HasMaxLength(18);
        builder.Property(d => d.Account).HasMaxLength(42);
        builder.HasIndex(d => d.Account).IsUnique();
    }
}
