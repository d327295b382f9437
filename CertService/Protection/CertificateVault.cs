using System.Text;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Protection;

/// <summary>
/// Encrypts certificates at rest: each one under a fresh data key (SM4-GCM by default), wrapped by
/// its issuing department's key-encryption key, with the certificate id as associated data so a
/// ciphertext cannot be moved to another row. A database dump alone reveals no certificate content.
/// </summary>
public sealed class CertificateVault(KeyEncryptionKeys keys, IOptions<ProtectionOptions> options)
{
    public async Task<byte[]> SealAsync(string issuerCode, Guid certificateId, string canonicalJson, CancellationToken cancellationToken)
    {
        var cipher = Cipher;
        var (kekId, kek) = await keys.CurrentAsync(issuerCode, cipher, cancellationToken);
        return Envelope.Seal(cipher, kekId, kek, Encoding.UTF8.GetBytes(canonicalJson), certificateId.ToByteArray());
    }

    public async Task<string> OpenAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var envelope = record.SealedCertificate;
        var cipher = AeadCiphers.ById(envelope[1]);
        var kek = await keys.GetAsync(Envelope.KekIdOf(envelope), cipher, cancellationToken);
        return Encoding.UTF8.GetString(Envelope.Open(envelope, kek, record.Id.ToByteArray()));
    }

    private IAeadCipher Cipher => AeadCiphers.TryByName(options.Value.Cipher, out var cipher)
        ? cipher
        : throw new InvalidOperationException($"unknown Protection:Cipher {options.Value.Cipher}");
}
