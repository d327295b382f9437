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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CertificateStore).Assembly, t => t.Namespace == typeof(EntityConfigurations.ChainAccountConfiguration).Namespace);
        var certificate = modelBuilder.Entity<CertificateRecord>();
        certificate.ToTable("certificates");
        certificate.HasKey(c => c.Id);
        certificate.Property(c => c.Identifier).HasMaxLength(100);
        certificate.HasIndex(c => c.Identifier).IsUnique();
        certificate.Property(c => c.TypeCode).HasMaxLength(64);
        certificate.Property(c => c.IssuerCode).HasMaxLength(18);
        certificate.Property(c => c.HashAlgorithm).HasMaxLength(16);
        certificate.Property(c => c.RelatedIdentifier).HasMaxLength(100);
        // The anchoring worker's query: a department's pending certificates not yet in a batch.
        certificate.HasIndex(c => new { c.Status, c.BatchId, c.IssuerCode, c.AcceptedAt });
        certificate.HasIndex(c => c.HolderCodeHash);
        certificate.HasIndex(c => new { c.IssuerCode, c.TypeCode, c.AcceptedAt });
        certificate.Property(c => c.LastFailure).HasMaxLength(1000);
        certificate.HasOne(c => c.Batch).WithMany(b => b.Certificates).HasForeignKey(c => c.BatchId);

        var batch = modelBuilder.Entity<AnchorBatchRecord>();
        batch.ToTable("anchor_batches");
        batch.HasKey(b => b.Id);
        batch.HasIndex(b => b.Root).IsUnique();
        batch.HasIndex(b => b.State);
        batch.Property(b => b.IssuerCode).HasMaxLength(18);
        batch.Property(b => b.HashAlgorithm).HasMaxLength(16);
        batch.Property(b => b.TransactionHash).HasMaxLength(66);
        batch.Property(b => b.LastFailure).HasMaxLength(1000);

        var department = modelBuilder.Entity<DepartmentRecord>();
        department.ToTable("departments");
        department.HasKey(d => d.CreditCode);
        department.Property(d => d.CreditCode).HasMaxLength(18);
        department.Property(d => d.Account).HasMaxLength(42);
        department.HasIndex(d => d.Account).IsUnique();

        var resource = modelBuilder.Entity<DataResourceRecord>();
        resource.ToTable("data_resources");
        resource.HasKey(r => r.Code);
        resource.Property(r => r.Code).HasMaxLength(64);
        resource.Property(r => r.SourceDepartment).HasMaxLength(18);
        resource.HasIndex(r => r.SourceDepartment);

        var revision = modelBuilder.Entity<DataResourceRevisionRecord>();
        revision.ToTable("data_resource_revisions");
        revision.HasKey(r => r.Id);
        revision.Property(r => r.Code).HasMaxLength(64);
        revision.HasIndex(r => new { r.Code, r.CatalogVersion }).IsUnique();
        revision.Property(r => r.State).HasMaxLength(16);

        var dataset = modelBuilder.Entity<DatasetVersionRecord>();
        dataset.ToTable("dataset_versions");
        dataset.HasKey(d => d.Id);
        dataset.Property(d => d.ResourceCode).HasMaxLength(64);
        dataset.HasIndex(d => new { d.ResourceCode, d.Version }).IsUnique();
        dataset.Property(d => d.State).HasMaxLength(16);

        var dataRequest = modelBuilder.Entity<DataSharingRequestRecord>();
        dataRequest.ToTable("data_sharing_requests");
        dataRequest.HasKey(r => r.Id);
        dataRequest.Property(r => r.ResourceCode).HasMaxLength(64);
        dataRequest.Property(r => r.Consumer).HasMaxLength(18);
        dataRequest.HasIndex(r => r.ResourceCode);

        var trailEntry = modelBuilder.Entity<DataTrailEntryRecord>();
        trailEntry.ToTable("data_trail");
        trailEntry.HasKey(e => e.Id);
        trailEntry.Property(e => e.ResourceCode).HasMaxLength(64);
        trailEntry.Property(e => e.Kind).HasMaxLength(16);
        trailEntry.HasIndex(e => new { e.ResourceCode, e.Sequence }).IsUnique();
        trailEntry.HasIndex(e => e.TrailRoot);

        var change = modelBuilder.Entity<StatusChangeRecord>();
        change.ToTable("status_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.IssuerCode).HasMaxLength(18);
        change.Property(c => c.State).HasMaxLength(16);
        change.Property(c => c.TransactionHash).HasMaxLength(66);
        change.HasIndex(c => new { c.State, c.IssuerCode, c.RequestedAt });
        change.Property(c => c.LastFailure).HasMaxLength(1000);
        change.HasIndex(c => c.CertificateId);

        var agency = modelBuilder.Entity<AgencyRecord>();
        agency.ToTable("agencies");
        agency.HasKey(a => a.Code);
        agency.Property(a => a.Code).HasMaxLength(18);
        agency.Property(a => a.ApiKeyHash).HasMaxLength(64);
        agency.HasIndex(a => a.ApiKeyHash).IsUnique();

        var grant = modelBuilder.Entity<SharingGrantRecord>();
        grant.ToTable("sharing_grants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.AgencyCode).HasMaxLength(18);
        grant.Property(g => g.Purpose).HasMaxLength(200);
        grant.HasIndex(g => g.CertificateId);

        var sharingEvent = modelBuilder.Entity<SharingEventRecord>();
        sharingEvent.ToTable("sharing_events");
        sharingEvent.HasKey(e => e.Id);
        sharingEvent.Property(e => e.Kind).HasMaxLength(20);
        sharingEvent.Property(e => e.AgencyCode).HasMaxLength(18);
        sharingEvent.Property(e => e.TrailTransaction).HasMaxLength(66);
        sharingEvent.HasIndex(e => e.CertificateId);
        sharingEvent.HasIndex(e => e.TrailRoot);

        var apiKey = modelBuilder.Entity<ApiKeyRecord>();
        apiKey.ToTable("api_keys");
        apiKey.HasKey(k => k.Id);
        apiKey.Property(k => k.KeyHash).HasMaxLength(64);
        apiKey.HasIndex(k => k.KeyHash).IsUnique();
        apiKey.HasIndex(k => k.DepartmentCode);

        var type = modelBuilder.Entity<CertificateTypeRecord>();
        type.ToTable("certificate_types");
        type.HasKey(t => new { t.Code, t.Version });
        type.Property(t => t.Code).HasMaxLength(21);

        var counter = modelBuilder.Entity<SerialCounterRecord>();
        counter.ToTable("serial_counters");
        counter.HasKey(c => new { c.IssuerCode, c.TypeCode, c.Year });

        var idempotency = modelBuilder.Entity<IdempotencyRecord>();
        idempotency.ToTable("idempotency_keys");
        idempotency.HasKey(i => new { i.DepartmentCode, i.Key });
        idempotency.Property(i => i.Key).HasMaxLength(200);

        var seal = modelBuilder.Entity<SealRecord>();
        seal.ToTable("seals");
        seal.HasKey(s => s.Code);
        seal.Property(s => s.Code).HasMaxLength(59);
        seal.HasIndex(s => s.DepartmentCode);
        seal.Property(s => s.State).HasMaxLength(16);

        var audit = modelBuilder.Entity<GrantAuditRecord>();
        audit.ToTable("grant_audit");
        audit.HasKey(a => a.Id);
        audit.HasIndex(a => new { a.DepartmentCode, a.At });
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
