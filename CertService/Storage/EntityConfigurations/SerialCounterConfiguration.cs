using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustLedger.CertService.Storage.EntityConfigurations;

internal sealed class SerialCounterConfiguration : IEntityTypeConfiguration<SerialCounterRecord>
{
    public void Configure(EntityTypeBuilder<SerialCounterRecord> builder)
    {
        builder.ToTable("serial_counters");
        builder.HasKey(c => new { c.IssuerCode, c.TypeCode, c.Year });
    }
}
