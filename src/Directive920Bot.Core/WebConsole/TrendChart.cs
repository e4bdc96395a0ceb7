using System.Globalization;
using System.Net;
using System.Text;
using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary>The weekly trend as an inline SVG bar chart, drawn on the server: no script, no chart library, no internet.</summary>
public static class TrendChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 44;
    private const int Bottom = 30;
    private const int Top = 14;

    public static string Svg(IReadOnlyList<TrendPoint> points, string title, string language)
    {
        ArgumentNullException.ThrowIfNull(points);
        var inv = CultureInfo.InvariantCulture;
        var plotHeight = Height - Bottom - Top;
        var slot = (Width - Left - 8) / (double)Math.Max(1, points.Count);
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" style=\"max-width:{Width}px;background:#fff;border:1px solid #d0d0d0\">");
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var y = Top + plotHeight * (100 - tick) / 100.0;
            svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - 4}\" y2=\"{y:0.#}\" stroke=\"#e0e0e0\"/>");
            svg.Append(inv, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{tick}%</text>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = Left + i * slot + slot * 0.15;
            var width = slot * 0.7;
            var label = WebUtility.HtmlEncode(point.Label);
            if (point.Rate is { } rate)
            {
                var barHeight = plotHeight * rate;
                var y = Top + plotHeight - barHeight;
                var text = WebUtility.HtmlEncode(Numbers.WholePercent(rate, language));
                svg.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{barHeight:0.#}\" fill=\"#a4161a\"><title>{label}: {text}</title></rect>");
                svg.Append(inv, $"<text x=\"{x + width / 2:0.#}\" y=\"{Math.Max(Top + 10, y - 3):0.#}\" font-size=\"11\" text-anchor=\"middle\">{text}</text>");
            }

            svg.Append(inv, $"<text x=\"{x + width / 2:0.#}\" y=\"{Height - 10}\" font-size=\"11\" text-anchor=\"middle\">{label}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
