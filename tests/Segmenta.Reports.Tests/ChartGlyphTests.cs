using ScottPlot;
using Segmenta.Core.Reporting;
using Segmenta.Core.Schemes;
using Segmenta.Reports.Charts;
using Segmenta.Reports.Text;
using SkiaSharp;

namespace Segmenta.Reports.Tests;

/// <summary>
/// Chinese in chart files must be real glyphs, not empty boxes ("tofu"). A missing glyph is drawn as the same box
/// for every character, so two titles that differ only in their Chinese characters would give identical images;
/// with the CJK font they differ, and a chart with labels has clearly more ink than the same chart without them.
/// </summary>
[Collection(ReportGroup.Name)]
public sealed class ChartGlyphTests(ReportFixture fixture)
{
    private static readonly ReportText Zh = new("zh-CN");

    private static byte[] Png(string title, params string[] labels)
    {
        var scheme = new SchemeSection("glyph_test", "glyph_test",
            [.. labels.Select((l, i) => new SegmentRow("s" + i, new LocalizedText(l, l), new LocalizedText("", ""), 100 * (i + 1), 0m, 0, 0, 0))])
        { Title = new LocalizedText(title, title) };
        var plot = ChartPlots.SegmentBars(scheme, Zh);
        // The same data area with and without labels, so any difference in ink is text.
        plot.Layout.Fixed(new PixelPadding(120, 20, 50, 40));
        return plot.GetImageBytes(600, 400, ImageFormat.Png);
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png);

    private static int DifferentPixels(byte[] a, byte[] b)
    {
        using var x = Decode(a);
        using var y = Decode(b);
        Assert.Equal((x.Width, x.Height), (y.Width, y.Height));
        var n = 0;
        for (var i = 0; i < x.Width; i++)
            for (var j = 0; j < x.Height; j++)
                if (x.GetPixel(i, j) != y.GetPixel(i, j)) n++;
        return n;
    }

    private static int Ink(byte[] png)
    {
        using var bitmap = Decode(png);
        var n = 0;
        for (var i = 0; i < bitmap.Width; i++)
            for (var j = 0; j < bitmap.Height; j++)
                if (bitmap.GetPixel(i, j) is var c && c.Red + c.Green + c.Blue < 3 * 160) n++;
        return n;
    }

    [Fact]
    public void SegmentBars_ChineseLabels_AreDistinctGlyphsNotBoxes()
    {
        Assert.NotNull(CjkFont.Path);
        // Same length, different characters: boxes would be identical, glyphs are not.
        var champions = Png("冠军", "冠军客户", "流失客户");
        var lost = Png("流失", "流失客户", "冠军客户");
        Assert.True(DifferentPixels(champions, lost) > 300, "Chinese characters render identically: the CJK font is not used (tofu).");
        // The labels put ink on the chart: compare with the same chart without them.
        var bare = Png("", "", "");
        Assert.True(Ink(champions) > Ink(bare) + 300, $"labels added too little ink ({Ink(champions)} vs {Ink(bare)} dark pixels)");
    }

    [Fact]
    public void Write_StoreCharts_WritesPngAndSvgPerChartWithChineseText()
    {
        var dir = fixture.TempFile("charts-zh");
        var files = ChartFiles.Write(fixture.Data, dir, "zh-CN");
        var names = files.Select(Path.GetFileName).ToList();
        foreach (var chart in new[] { "segments", "rfm_heatmap", "pareto", "matrix", "clv_histogram" })
        {
            Assert.Contains(chart + ".png", names);
            Assert.Contains(chart + ".svg", names);
            using var bitmap = SKBitmap.Decode(Path.Combine(dir, chart + ".png"));
            Assert.Equal((ChartFiles.Width, ChartFiles.Height), (bitmap.Width, bitmap.Height));
        }
        var svg = File.ReadAllText(Path.Combine(dir, "rfm_heatmap.svg"));
        Assert.Contains(Zh["axis.r_score"], svg, StringComparison.Ordinal);
        Assert.Matches("font-family=\"[^\"]*(Hei|CJK|Segmenta|PingFang|YaHei)", svg);
    }
}
