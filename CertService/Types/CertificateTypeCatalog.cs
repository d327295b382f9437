using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Types;

/// <summary>
/// The certificate types in the store. The newest version of a type is read from the database on
/// each lookup (so every instance sees a new version at once); compiled schemas are cached per
/// (code, version), which never change once stored.
/// </summary>
public sealed class CertificateTypeCatalog
{
    private readonly ConcurrentDictionary<(string, int), CertificateType> _compiled = new();

    public async Task<CertificateType?> FindLatestAsync(CertificateStore store, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = await store.FindLatestTypeAsync(code, cancellationToken);
        return record is null ? null : Compile(record);
    }

    public CertificateType Compile(CertificateTypeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _compiled.GetOrAdd((record.Code, record.Version), _ =>
        {
            // The compiled schema keeps references into its JSON, so it gets a clone that lives as long as it does.
            using var schema = JsonDocument.Parse(record.FieldsSchema);
            var compiled = TypeDefinitionValidator.TryCompile(schema.RootElement.Clone())
                ?? throw new InvalidOperationException($"stored schema of type {record.Code} v{record.Version} does not compile");
            return new CertificateType(record, compiled);
        });
    }

    public static CertificateTypeRecord ToRecord(CertificateTypeDefinition definition, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CertificateTypeRecord
        {
            Code = definition.Code,
            Version = definition.Version,
            NameZh = definition.NameZh,
            NameEn = definition.NameEn,
            AuthorityCode = definition.Authority.Code,
            AuthorityName = definition.Authority.Name,
            Family = definition.Family,
            HolderCodeType = definition.HolderCodeType,
            RequiresValidUntil = definition.RequiresValidUntil,
            FieldsSchema = definition.FieldsSchema.GetRawText(),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }
}
