namespace TrustLedger.CertService.Seals;

/// <summary>The seal's picture (印模) as uploaded: a PNG of bounded size, checked before it is stored.</summary>
public static class SealPicture
{
    public const int MaxBytes = 256 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool TryRead(string base64, out byte[]? picture)
    {
        picture = null;
        var buffer = new byte[(base64?.Length ?? 0) * 3 / 4 + 3];
        if (base64 is null || !Convert.TryFromBase64String(base64, buffer, out var length)
            || length > MaxBytes || length < 64 || !buffer.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature))
        {
            return false;
        }

        picture = buffer[..length];
        try
        {
            // Decoded once here, so a picture that PDFsharp cannot draw is refused now, not at sealing time.
            using var stream = new MemoryStream(picture, writable: false);
            using var image = PdfSharp.Drawing.XImage.FromStream(stream);
            return image.PixelWidth > 0 && image.PixelHeight > 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException or NotSupportedException or IndexOutOfRangeException)
        {
            picture = null;
            return false;
        }
    }
}
