using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrustLedger.CertService.Storage;

/// <summary>Stores instants as UTC ticks (an integer), sortable in SQLite and PostgreSQL alike.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
