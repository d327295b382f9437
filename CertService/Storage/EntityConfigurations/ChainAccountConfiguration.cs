using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class ChainAccountConfiguration : IEntityTypeConfiguration<ChainAccountRecord>
{
    public void Configure(EntityTypeBuilder<ChainAccountRecord> builder)
    {
        builder.ToTable("chain_accounts");
        builder.HasKey(a => a.Account);
        builder.Property(a => a.Account).HasMaxLength(42);
    }
}
