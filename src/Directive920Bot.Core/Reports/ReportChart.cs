using Microsoft.Extensions.Options;
using Directive920Bot.Localization;
using ScottPlot;

namespace Directive920Bot.Reports;

/// <summary>
/// Renders the acknowledgement-rate chart to PNG with ScottPlot. The font is loaded from a file (DejaVu Sans by
/// default) so Vietnamese diacritics never fall back to a font without them.
/// </summary>
public sealed class ReportChart(IOptions<ReportOptions> options)
{
    public const string FontName = "D920 Chart Sans";
    public const int Width = 900;
    private static readonly Lock FontGate = new();
    private static string? loadedFont;

    /// <summary>One horizontal bar per label: the acknowledgement rate in percent, its numbers written in <paramref name="language"/>.</summary>
    public byte[] RenderRates(string title, IReadOnlyList<(string Label, double? Rate)> bars, string language = Languages.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(bars);
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(FontName);
        var values = bars.Select(b => (b.Rate ?? 0) * 100).ToArray();
        var bar = plot.Add.Bars(values);
        bar.Horizontal = true;
        bar.Color = Color.FromHex("#C62828");
        foreach (var (b, i) in bar.Bars.Select((b, i) => (b, i)))
        {
            b.Label = Numbers.WholePercent(bars[i].Rate, language);
        }

        bar.ValueLabelStyle.FontName = FontName;
        bar.ValueLabelStyle.FontSize = 14;
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray();
        plot.Axes.Left.SetTicks(positions, bars.Select(b => Shorten(b.Label, 34)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontName = FontName;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontName = FontName;
        // ScottPlot formats ticks with the thread's culture; the reader's is the one that counts.
        var culture = Numbers.Culture(language);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.#", culture) };
        plot.Axes.SetLimitsX(0, 110);
        plot.Axes.SetLimitsY(-0.7, Math.Max(0.7, bars.Count - 0.3));
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "%";
        plot.Title(title);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Title.Label.FontSize = 16;
        return plot.GetImageBytes(Width, Height(bars.Count), ImageFormat.Png);
    }

    /// <summary>
    /// One horizontal stacked bar per category (e.g. a requirement): a segment per series (e.g. a status) with its count
    /// written inside, the series named in a legend under the plot — colours and words, never colour alone.
    /// </summary>
    public byte[] RenderStacked(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, string Color, IReadOnlyList<int> Values)> series,
        string language = Languages.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(FontName);
        var bars = new List<Bar>();
        var max = 1;
        for (var i = 0; i < categories.Count; i++)
        {
            var start = 0;
            foreach (var (_, color, values) in series)
            {
                var value = values[i];
                if (value > 0)
                {
                    bars.Add(new Bar
                    {
                        Position = i,
                        ValueBase = start,
                        Value = start + value,
                        FillColor = Color.FromHex(color),
                        Label = Numbers.Count(value, language),
                        CenterLabel = true,
                    });
                }

                start += value;
            }

            max = Math.Max(max, start);
        }

        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontName = FontName;
        plotted.ValueLabelStyle.FontSize = 14;
        var positions = Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray();
        plot.Axes.Left.SetTicks(positions, categories.Select(c => Shorten(c, 34)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontName = FontName;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontName = FontName;
        var culture = Numbers.Culture(language);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("N0", culture), IntegerTicksOnly = true };
        // Room on the right for the legend (lower right), so it never covers the longest bars.
        plot.Axes.SetLimitsX(0, max * 1.5);
        plot.Axes.SetLimitsY(-0.7, Math.Max(0.7, categories.Count - 0.3));
        plot.ShowLegend(series.Select(s => new LegendItem { LabelText = s.Name, FillColor = Color.FromHex(s.Color) }), Alignment.LowerRight);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 13;
        plot.Title(title);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Title.Label.FontSize = 16;
        return plot.GetImageBytes(Width, Height(categories.Count) + 60, ImageFormat.Png);
    }

    /// <summary>The image height for a number of bars: tall enough that labels never overlap.</summary>
    public static int Height(int bars) => Math.Clamp(140 + bars * 34, 300, 1600);

    private void EnsureFont()
    {
        var path = options.Value.ChartFont;
        lock (FontGate)
        {
            if (loadedFont == path)
            {
                return;
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Reports:ChartFont '{path}' does not exist; install fonts-dejavu-core or set the option.", path);
            }

            Fonts.AddFontFile(FontName, path, bold: false, italic: false);
            Fonts.AddFontFile(FontName, path, bold: true, italic: false);
            loadedFont = path;
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
