using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Seals;

/// <summary>Seal keys (SM2 or P-256), kept encrypted in the keystore under <c>seal-{code}</c>; they never leave this service.</summary>
public sealed class SealKeys(ISecretStore keystore)
{
    public async Task<SealKeyPair> CreateAsync(string sealCode, string suite, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(sealCode, suite, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        // First writer wins: a racing instance's key is the one both register.
        var stored = await keystore.AddSecretAsync(KeyId(sealCode), SealKeyPair.Generate(suite).PrivateKeyBytes(), suite == SealKeyPair.Sm2Sm3 ? "sm2-seal" : "ecdsa-p256-seal", cancellationToken);
        return SealKeyPair.FromPrivateKey(suite, stored);
    }

    public async Task<SealKeyPair?> FindAsync(string sealCode, string suite, CancellationToken cancellationToken) =>
        await keystore.FindSecretAsync(KeyId(sealCode), cancellationToken) is { } secret ? SealKeyPair.FromPrivateKey(suite, secret) : null;

    private static string KeyId(string sealCode) => "seal-" + sealCode;
}
