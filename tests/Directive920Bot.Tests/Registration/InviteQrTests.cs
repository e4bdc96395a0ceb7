using Directive920Bot.Emulator;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Registration;

/// <summary>
/// A unit admin prints a QR code of the unit's invite link for a meeting: the code read back as a phone camera would
/// (ZXing) is the bot's Telegram deep link, and opening it registers a cadre straight into that unit.
/// </summary>
public sealed class InviteQrTests
{
    [Fact]
    public async Task A_unit_admin_gets_a_qr_code_of_the_unit_invite_and_a_cadre_who_scans_it_registers_in_that_unit()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        bot.User(UnitAdminInScope);
        var unit = bot.Get<IUnits>().Find(TargetUnit)!;

        var photo = await bot.SayAsync(UnitAdminInScope, "/maqr snv-vp", m => m.Photo is not null);

        var link = Decode(photo.Photo!.Content);
        Assert.Equal($"https://t.me/{bot.Emulator.BotUsername}?start=u_{unit.InviteCode}", link);
        Assert.Contains(unit.Name, photo.Text, StringComparison.Ordinal);

        // What Telegram sends when the link is opened: /start with the parameter.
        bot.User(2101, "Hà");
        var welcome = await bot.SayAsync(2101, "/start " + new Uri(link).Query["?start=".Length..]);
        await bot.PressAndExpectReplyAsync(2101, welcome, "Đồng ý");
        var rolePrompt = await bot.SayAsync(2101, "Nguyễn Thu Hà");
        var summary = await bot.PressAndExpectReplyAsync(2101, rolePrompt, "Cán bộ");
        await bot.PressAndExpectReplyAsync(2101, summary, "Xác nhận");
        Assert.Equal(TargetUnit, bot.Get<ISubscribers>().Find(2101)!.UnitCode);
    }

    [Fact]
    public async Task A_unit_admin_of_one_unit_needs_no_argument_and_cannot_get_another_units_code()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        bot.User(UnitAdminInScope);
        bot.User(UnitAdminOutOfScope);

        var own = await bot.SayAsync(UnitAdminOutOfScope, "/maqr", m => m.Photo is not null);
        var refused = await bot.SayAsync(UnitAdminOutOfScope, "/maqr " + TargetUnit);

        Assert.EndsWith("?start=u_" + bot.Get<IUnits>().Find(OtherUnit)!.InviteCode, Decode(own.Photo!.Content), StringComparison.Ordinal);
        Assert.Null(refused.Photo);
        Assert.Contains("chỉ lấy được mã QR của đơn vị mình quản trị (STC)", refused.Text, StringComparison.Ordinal);
        Assert.Single(bot.BotMessages(UnitAdminOutOfScope), m => m.Photo is not null);
    }

    [Fact]
    public async Task A_cadre_cannot_ask_for_an_invite_code()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(Cadre, "Trần Văn Bảo", TargetUnit);

        var refused = await bot.SayAsync(Cadre, "/maqr " + TargetUnit);

        Assert.Null(refused.Photo);
        Assert.DoesNotContain(bot.BotMessages(Cadre), m => m.Photo is not null);
    }

    [Fact]
    public async Task The_units_qr_verb_writes_the_invite_of_a_unit_for_a_named_bot_and_refuses_a_bad_name()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.StopHostAsync();
        var file = Path.Combine(bot.DataDirectory, "snv-vp.png");
        using var output = new StringWriter();

        var written = await bot.RunCliAsync(output, "units", "qr", "--unit", "snv-vp", "--bot", "d920_demo_bot", "--out", file, "--database", bot.DatabasePath);
        var refused = await bot.RunCliAsync(output, "units", "qr", "--unit", "SNV-VP", "--bot", "no", "--out", file + ".2", "--database", bot.DatabasePath);
        var unknown = await bot.RunCliAsync(output, "units", "qr", "--unit", "NOPE", "--bot", "d920_demo_bot", "--out", file + ".3", "--database", bot.DatabasePath);

        Assert.True((0, 2, 1) == (written, refused, unknown), output.ToString());
        await bot.StartHostAsync();
        Assert.Equal("https://t.me/d920_demo_bot?start=u_" + bot.Get<IUnits>().Find("SNV-VP")!.InviteCode, Decode(await File.ReadAllBytesAsync(file)));
        Assert.False(File.Exists(file + ".2"));
        Assert.False(File.Exists(file + ".3"));
        Assert.Contains("--unit 'NOPE' is not an imported unit", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The text of the one QR code in a PNG, read from its pixels.</summary>
    internal static string Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        var i = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            rgb[i++] = pixel.Red;
            rgb[i++] = pixel.Green;
            rgb[i++] = pixel.Blue;
        }

        var source = new RGBLuminanceSource(rgb, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).Text;
    }
}
