using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class ChainTransactionConfiguration : IEntityTypeConfiguration<ChainTransactionRecord>
{
    public void Configure(EntityTypeBuilder<ChainTransactionRecord> builder)
    {
        builder.ToTable("chain_transactions");
        builder.HasKey(t => new { t.Account, t.Nonce });
        builder.Property(t => t.Account).HasMaxLength(42);
        builder.Property(t => t.Hash).HasMaxLength(66);
        builder.HasIndex(t => t.RecordedAt);
    }
}
