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

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKeyRecord>
{
    public void Configure(EntityTypeBuilder<StoredKeyRecord> builder)
    {
        builder.ToTable("key_store");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(100);
    }
}
