using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.CertService.Seals;

/// <summary>A seal ready to sign: its code, its key (from the keystore), its certificate and its picture, if it has one.</summary>
public sealed record ActiveSeal(string Code, SealKeyPair Key, Org.BouncyCastle.X509.X509Certificate Certificate, byte[]? Picture = null);

/// <summary>Finds the seal a department's documents are signed with: its newest seal that the chain says is active.</summary>
public sealed class DepartmentSeals(SealKeys keys, SealRegistryClient registry)
{
    public async Task<ActiveSeal?> ActiveSealAsync(CertificateStore store, string departmentCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var seals = await store.Seals.AsNoTracking().Where(s => s.DepartmentCode == departmentCode).ToListAsync(cancellationToken);
        foreach (var seal in seals.OrderByDescending(s => s.CreatedAt))
        {
            if ((await registry.GetAsync(seal.Code))?.Status == SealStatus.Active && await keys.FindAsync(seal.Code, seal.Suite, cancellationToken) is { } pair)
            {
                return new ActiveSeal(seal.Code, pair, new Org.BouncyCastle.X509.X509Certificate(seal.Certificate), seal.Picture);
            }
        }

        return null;
    }
}
