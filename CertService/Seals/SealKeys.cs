using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Seals;

/// <summary>Seal SM2 keys, kept encrypted in the keystore under <c>seal-{code}</c>; they never leave this service.</summary>
public sealed class SealKeys(FileKeyStore keystore)
{
    public async Task<Sm2KeyPair> CreateAsync(string sealCode, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(sealCode, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var pair = Sm2KeyPair.Generate();
        await keystore.SaveSecretAsync(KeyId(sealCode), pair.PrivateKeyBytes(), "sm2-seal", cancellationToken);
        return pair;
    }

    public async Task<Sm2KeyPair?> FindAsync(string sealCode, CancellationToken cancellationToken) =>
        await keystore.FindSecretAsync(KeyId(sealCode), cancellationToken) is { } secret ? Sm2KeyPair.FromPrivateKey(secret) : null;

    private static string KeyId(string sealCode) => "seal-" + sealCode;
}
