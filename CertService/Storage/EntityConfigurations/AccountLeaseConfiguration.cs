using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class AccountLeaseConfiguration : IEntityTypeConfiguration<AccountLeaseRecord>
{
    public void Configure(EntityTypeBuilder<AccountLeaseRecord> builder)
    {
        builder.ToTable("account_leases");
        builder.HasKey(l => l.Account);
        // An account address, "governance", or "instance:" and an instance's name.
        builder.Property(l => l.Account).HasMaxLength(120);
        builder.Property(l => l.Holder).HasMaxLength(100);
    }
}
