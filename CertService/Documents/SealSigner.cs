using PdfSharp.Pdf.Signatures;
using TrustLedger.CertService.Seals;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// Signs one PDF's byte ranges with a department's electronic seal: detached CMS, SM2 over SM3
/// (or ECDSA P-256 over SHA-256 for a seal in the international suite), with the GB/T 38540 fields (seal, time, data hash, what was sealed) as a signed attribute.
/// </summary>
public sealed class SealSigner(ActiveSeal seal, string propertyInfo, DateTimeOffset signingTime) : IDigitalSigner
{
    public string CertificateName => seal.Code;

    // A CMS with one SM2 signature, the seal's certificate and the SES fields is about 1.2 KB; the rest stays zero-padded.
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(8192);

    public async Task<byte[]> GetSignatureAsync(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // PDFsharp hands over its ranged stream positioned where it last wrote, and it throws on
        // CanSeek (which CopyToAsync asks): rewind it and read it plainly.
        stream.Position = 0;
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            content.Write(buffer, 0, read);
        }

        return SealCmsSigner.SignDetached(seal.Key, seal.Certificate, content.ToArray(), seal.Code, propertyInfo, signingTime);
    }
}
