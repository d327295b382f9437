using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Types;

/// <summary>Bulk-loads the shipped types at start: each (code, version) not yet stored is added; stored ones are never changed.</summary>
public sealed class TypeSeeder(IServiceScopeFactory scopes, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        foreach (var definition in ShippedTypes.Load())
        {
            var errors = TypeDefinitionValidator.Validate(definition);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"shipped type {definition.Code} is invalid: {string.Join(", ", errors)}");
            }

            if (!await store.CertificateTypes.AnyAsync(t => t.Code == definition.Code && t.Version == definition.Version, cancellationToken))
            {
                store.CertificateTypes.Add(CertificateTypeCatalog.ToRecord(definition, "system:shipped-types", time.GetUtcNow()));
            }
        }

        await store.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
