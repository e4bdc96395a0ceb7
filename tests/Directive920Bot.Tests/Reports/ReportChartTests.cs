using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Directive920Bot.Tests.Reports;

public sealed class ReportChartTests
{
    private static readonly (string, double?)[] Bars =
    [
        ("Bối cảnh và ý nghĩa của Thông báo 920", 0.82),
        ("Những hạn chế, khuyết điểm cần khắc phục", 0.41),
        ("Đề cao trách nhiệm nêu gương của người đứng đầu", null),
    ];

    [Fact]
    public void The_chart_is_a_png_of_the_expected_size_with_one_bar_per_label()
    {
        var chart = new ReportChart(Options.Create(new ReportOptions()));
        var png = chart.RenderRates("Tỷ lệ xác nhận theo bài", Bars);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((ReportChart.Width, ReportChart.Height(Bars.Length)), (bitmap.Width, bitmap.Height));
        // The bars are drawn in the report red; a blank or failed render has none of it.
        var red = 0;
        for (var x = 0; x < bitmap.Width; x += 3)
        {
            for (var y = 0; y < bitmap.Height; y += 3)
            {
                var c = bitmap.GetPixel(x, y);
                red += c.Red > 180 && c.Green < 80 && c.Blue < 80 ? 1 : 0;
            }
        }

        Assert.True(red > 500, $"only {red} red samples");
    }

    [Fact]
    public void The_chart_font_has_a_glyph_for_every_vietnamese_letter_of_the_labels()
    {
        var options = new ReportOptions();
        using var typeface = SKTypeface.FromFile(options.ChartFont);
        Assert.NotNull(typeface);
        var text = string.Concat(Bars.Select(b => b.Item1)) + "Tỷ lệ xác nhận ĐđƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs(text.Normalize(System.Text.NormalizationForm.FormC));

        // Glyph 0 is .notdef, the "tofu" box.
        Assert.DoesNotContain((ushort)0, glyphs);
    }

    [Fact]
    public async Task A_missing_chart_font_fails_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() =>
            BotHarness.StartAsync(new Dictionary<string, string?> { ["Reports:ChartFont"] = "" }));
        Assert.Contains("Reports:ChartFont", error.Message, StringComparison.Ordinal);
    }
}
