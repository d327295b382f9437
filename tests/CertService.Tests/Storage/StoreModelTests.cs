using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;

namespace TrustLedger.Tests.CertService.Storage;

/// <summary>
/// The model the entity configurations build is the one each provider's migrations create: a
/// configuration changed without a migration would leave a database whose columns, keys or indexes
/// differ from what the code expects.
/// </summary>
public sealed class StoreModelTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var store = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(store.Database.HasPendingModelChanges());
        Assert.Equal(22, store.Model.GetEntityTypes().Count());
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var store = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(store.Database.HasPendingModelChanges());
        Assert.Equal(22, store.Model.GetEntityTypes().Count());
    }
}
