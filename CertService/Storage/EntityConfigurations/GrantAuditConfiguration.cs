using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class GrantAuditConfiguration : IEntityTypeConfiguration<GrantAuditRecord>
{
    public void Configure(EntityTypeBuilder<GrantAuditRecord> builder)
    {
        builder.ToTable("grant_audit");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.DepartmentCode, a.At });
    }
}
