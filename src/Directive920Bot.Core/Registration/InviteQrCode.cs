using QRCoder;

namespace Directive920Bot.Registration;

/// <summary>
/// An invite link as a PNG QR code to print for a meeting (QRCoder, no System.Drawing): error correction level Q so a
/// creased or partly covered print still scans, 12 pixels a module and the standard quiet zone.
/// </summary>
public static class InviteQrCode
{
    private const int PixelsPerModule = 12;

    public static byte[] Png(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
