using PdfSharp.Drawing;
using QRCoder;

namespace TrustLedger.CertService.Documents;

/// <summary>Draws a QR code (QRCoder, error correction M) as vector modules: sharp at any print size, no image.</summary>
public static class QrCodeDrawing
{
    public static void Draw(XGraphics graphics, string content, double x, double y, double size)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    graphics.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), module, module);
                }
            }
        }
    }
}
