using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKeyRecord>
{
    public void Configure(EntityTypeBuilder<StoredKeyRecord> builder)
    {
        builder.ToTable("key_store");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(100);
    }
}
