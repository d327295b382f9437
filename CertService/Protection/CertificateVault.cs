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
    // Associated data: the certificate id, and for the PDF a suffix, so neither ciphertext can be
    // moved to another row or swapped with the other column.
    private static readonly byte[] DocumentContext = "document"u8.ToArray();

    public async Task<byte[]> SealAsync(string issuerCode, Guid certificateId, string canonicalJson, CancellationToken cancellationToken) =>
        await SealBytesAsync(issuerCode, Encoding.UTF8.GetBytes(canonicalJson), certificateId.ToByteArray(), cancellationToken);

    public async Task<string> OpenAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Encoding.UTF8.GetString(await OpenBytesAsync(record.SealedCertificate, record.Id.ToByteArray(), cancellationToken));
    }

    public Task<byte[]> SealDocumentAsync(string issuerCode, Guid certificateId, byte[] pdf, CancellationToken cancellationToken) =>
        SealBytesAsync(issuerCode, pdf, [.. certificateId.ToByteArray(), .. DocumentContext], cancellationToken);

    public async Task<byte[]?> OpenDocumentAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.SealedDocument is { } envelope
            ? await OpenBytesAsync(envelope, [.. record.Id.ToByteArray(), .. DocumentContext], cancellationToken)
            : null;
    }

    /// <summary>Seals any secret of a department (e.g. a dataset's salt secret) under its KEK, bound to <paramref name="owner"/>.</summary>
    public Task<byte[]> SealSecretAsync(string departmentCode, Guid owner, byte[] secret, CancellationToken cancellationToken) =>
        SealBytesAsync(departmentCode, secret, owner.ToByteArray(), cancellationToken);

    public Task<byte[]> OpenSecretAsync(byte[] envelope, Guid owner, CancellationToken cancellationToken) =>
        OpenBytesAsync(envelope, owner.ToByteArray(), cancellationToken);

    /// <summary>The certificate's ciphertext with its data key re-wrapped to an agency's SM2 key.</summary>
    public Task<SharedCiphertext> ShareCertificateAsync(CertificateRecord record, Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ShareAsync(record.SealedCertificate, record.Id.ToByteArray(), agency, cancellationToken);
    }

    public async Task<SharedCiphertext?> ShareDocumentAsync(CertificateRecord record, Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.SealedDocument is { } envelope
            ? await ShareAsync(envelope, [.. record.Id.ToByteArray(), .. DocumentContext], agency, cancellationToken)
            : null;
    }

    private async Task<SharedCiphertext> ShareAsync(byte[] envelope, byte[] associatedData, Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters agency, CancellationToken cancellationToken)
    {
        var cipher = CipherOf(envelope);
        var kek = await keys.GetAsync(Envelope.KekIdOf(envelope), cipher, cancellationToken);
        return Envelope.ShareWith(envelope, kek, agency, associatedData);
    }

    private async Task<byte[]> SealBytesAsync(string issuerCode, byte[] plaintext, byte[] associatedData, CancellationToken cancellationToken)
    {
        var cipher = Cipher;
        var (kekId, kek) = await keys.CurrentAsync(issuerCode, cipher, cancellationToken);
        return Envelope.Seal(cipher, kekId, kek, plaintext, associatedData);
    }

    private async Task<byte[]> OpenBytesAsync(byte[] envelope, byte[] associatedData, CancellationToken cancellationToken)
    {
        var cipher = CipherOf(envelope);
        var kek = await keys.GetAsync(Envelope.KekIdOf(envelope), cipher, cancellationToken);
        return Envelope.Open(envelope, kek, associatedData);
    }

    // A stored envelope too short to name its cipher is as unreadable as one that fails its tag.
    private static IAeadCipher CipherOf(byte[] envelope) =>
        envelope.Length >= 2 ? AeadCiphers.ById(envelope[1]) : throw new System.Security.Cryptography.CryptographicException("not a TrustLedger envelope (v1)");

    private IAeadCipher Cipher => AeadCiphers.TryByName(options.Value.Cipher, out var cipher)
        ? cipher
        : throw new InvalidOperationException($"unknown Protection:Cipher {options.Value.Cipher}");
}
