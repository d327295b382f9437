using PdfSharp.Pdf.Signatures;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.CertService.Documents;

/// <summary>Signs a PDF's byte ranges with a department's electronic seal: detached CMS, SM2 over SM3.</summary>
public sealed class SealSigner(Sm2KeyPair seal, Org.BouncyCastle.X509.X509Certificate certificate, string sealCode) : IDigitalSigner
{
    public string CertificateName => sealCode;

    // A CMS with one SM2 signature and the seal's certificate is about 1 KB; the rest stays zero-padded.
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

        return Sm2CmsSigner.SignDetached(seal, certificate, content.ToArray());
    }
}
