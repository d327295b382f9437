using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Seals;

/// <summary>Seal keys (SM2 or P-256), kept encrypted in the keystore under <c>seal-{code}</c>; they never leave this service.</summary>
public sealed class SealKeys(FileKeyStore keystore)
{
    public async Task<SealKeyPair> CreateAsync(string sealCode, string suite, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(sealCode, suite, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var pair = SealKeyPair.Generate(suite);
        await keystore.SaveSecretAsync(KeyId(sealCode), pair.PrivateKeyBytes(), suite == SealKeyPair.Sm2Sm3 ? "sm2-seal" : "ecdsa-p256-seal", cancellationToken);
        return pair;
    }

    public async Task<SealKeyPair?> FindAsync(string sealCode, string suite, CancellationToken cancellationToken) =>
        await keystore.FindSecretAsync(KeyId(sealCode), cancellationToken) is { } secret ? SealKeyPair.FromPrivateKey(suite, secret) : null;

    private static string KeyId(string sealCode) => "seal-" + sealCode;
}
