using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Protection;

/// <summary>
/// At start, after the migrations: copies every key the file keystore holds (the deployer's
/// governance key, keystores from before keys moved into the database) into the shared keystore,
/// still encrypted, and makes sure every onboarded department has its key-encryption key. Keys are
/// then never first written in the middle of a request, whose own transaction (SQLite allows one
/// writer) the write would have to wait for.
/// </summary>
public sealed class KeyStoreBootstrap(IServiceScopeFactory scopes, FileKeyStore files, DatabaseKeyStore keys, KeyEncryptionKeys keks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var keyId in files.KeyIds())
        {
            if (await files.ReadEncryptedAsync(keyId, cancellationToken) is { } json)
            {
                await keys.ImportAsync(keyId, json, cancellationToken);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        foreach (var department in await store.Departments.AsNoTracking().Select(d => d.CreditCode).ToListAsync(cancellationToken))
        {
            await keks.EnsureAsync(department, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
