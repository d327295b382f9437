using Microsoft.EntityFrameworkCore;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// The certificate database. One model, two providers: <see cref="SqliteCertificateStore"/> (embedded
/// default) and <see cref="PostgresCertificateStore"/> (production), each with its own migrations.
/// </summary>
public abstract class CertificateStore(DbContextOptions options) : DbContext(options)
{
    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<AnchorBatchRecord> Batches => Set<AnchorBatchRecord>();

    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<CertificateTypeRecord> CertificateTypes => Set<CertificateTypeRecord>();

    public DbSet<SerialCounterRecord> SerialCounters => Set<SerialCounterRecord>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<GrantAuditRecord> GrantAudits => Set<GrantAuditRecord>();

    public DbSet<SealRecord> Seals => Set<SealRecord>();

    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();

    public DbSet<StatusChangeRecord> StatusChanges => Set<StatusChangeRecord>();

    public DbSet<DataResourceRecord> DataResources => Set<DataResourceRecord>();

    public DbSet<DataResourceRevisionRecord> DataResourceRevisions => Set<DataResourceRevisionRecord>();

    public DbSet<DatasetVersionRecord> DatasetVersions => Set<DatasetVersionRecord>();

    /// <summary>The dataset versions on chain (not those still being published).</summary>
    public IQueryable<DatasetVersionRecord> PublishedVersions => DatasetVersions.Where(v => v.State == ChainWriteStates.Published);

    public DbSet<DataSharingRequestRecord> DataSharingRequests => Set<DataSharingRequestRecord>();

    public DbSet<DataTrailEntryRecord> DataTrail => Set<DataTrailEntryRecord>();

    public DbSet<SharingGrantRecord> SharingGrants => Set<SharingGrantRecord>();

    public DbSet<SharingEventRecord> SharingEvents => Set<SharingEventRecord>();

    public DbSet<ChainAccountRecord> ChainAccounts => Set<ChainAccountRecord>();

    public DbSet<ChainTransactionRecord> ChainTransactions => Set<ChainTransactionRecord>();

    public DbSet<AccountLeaseRecord> AccountLeases => Set<AccountLeaseRecord>();

    public DbSet<StoredKeyRecord> StoredKeys => Set<StoredKeyRecord>();

    /// <summary>The unrevoked API key with this hash, if any.</summary>
    public Task<ApiKeyRecord?> FindActiveApiKeyAsync(string keyHash, CancellationToken cancellationToken) => this switch
    {
        SqliteCertificateStore sqlite => HotQueries<SqliteCertificateStore>.ActiveApiKey(sqlite, keyHash, cancellationToken),
        PostgresCertificateStore postgres => HotQueries<PostgresCertificateStore>.ActiveApiKey(postgres, keyHash, cancellationToken),
        _ => throw new NotSupportedException(GetType().Name),
    };

    public Task<DepartmentRecord?> FindDepartmentAsync(string creditCode, CancellationToken cancellationToken) => this switch
    {
        SqliteCertificateStore sqlite => HotQueries<SqliteCertificateStore>.Department(sqlite, creditCode, cancellationToken),
        PostgresCertificateStore postgres => HotQueries<PostgresCertificateStore>.Department(postgres, creditCode, cancellationToken),
        _ => throw new NotSupportedException(GetType().Name),
    };

    /// <summary>The newest version of a certificate type, if any.</summary>
    public Task<CertificateTypeRecord?> FindLatestTypeAsync(string code, CancellationToken cancellationToken) => this switch
    {
        SqliteCertificateStore sqlite => HotQueries<SqliteCertificateStore>.LatestType(sqlite, code, cancellationToken),
        PostgresCertificateStore postgres => HotQueries<PostgresCertificateStore>.LatestType(postgres, code, cancellationToken),
        _ => throw new NotSupportedException(GetType().Name),
    };

    /// <summary>
    /// A department's certificate, locked until the caller's transaction ends (PostgreSQL: FOR UPDATE;
    /// SQLite: its transactions take the write lock when they begin), so two requests that change one
    /// certificate at once take turns and the second sees the first's change.
    /// </summary>
    public async Task<CertificateRecord?> LockCertificateAsync(Guid id, string issuerCode, CancellationToken cancellationToken) => this is PostgresCertificateStore
        ? await Certificates.FromSqlInterpolated($"""SELECT * FROM certificates WHERE "Id" = {id} AND "IssuerCode" = {issuerCode} FOR UPDATE""").SingleOrDefaultAsync(cancellationToken)
        : await Certificates.SingleOrDefaultAsync(c => c.Id == id && c.IssuerCode == issuerCode, cancellationToken);

    /// <summary>Reserves the next <paramref name="count"/> serials in one atomic statement; returns the last of them.</summary>
    public async Task<long> ReserveSerialsAsync(string issuerCode, string typeCode, int year, int count, CancellationToken cancellationToken)
    {
        var values = await Database.SqlQuery<long>($"""
            INSERT INTO serial_counters ("IssuerCode", "TypeCode", "Year", "NextValue") VALUES ({issuerCode}, {typeCode}, {year}, {count})
            ON CONFLICT ("IssuerCode", "TypeCode", "Year") DO UPDATE SET "NextValue" = serial_counters."NextValue" + {count}
            RETURNING "NextValue" AS "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        // One IEntityTypeConfiguration per entity, in Storage/EntityConfigurations.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CertificateStore).Assembly, t => t.Namespace == typeof(EntityConfigurations.ChainAccountConfiguration).Namespace);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; UTC ticks sort the same in both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<CertificateStatus>().HaveConversion<int>();
        configurationBuilder.Properties<Ledger.Contracts.CertificateLifecycle>().HaveConversion<int>();
        configurationBuilder.Properties<AnchorBatchState>().HaveConversion<int>();
    }
}

public sealed class SqliteCertificateStore(DbContextOptions<SqliteCertificateStore> options) : CertificateStore(options);

public sealed class PostgresCertificateStore(DbContextOptions<PostgresCertificateStore> options) : CertificateStore(options);
