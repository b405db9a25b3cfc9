using ScottPlot;
using Segmenta.Core.Reporting;
using Segmenta.Data.Output;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Charts;

/// <summary>
/// The main charts as PNG and SVG files (for slides and e-mail), drawn with ScottPlot in the CJK font of
/// <see cref="CjkFont"/>: segment bars, the RFM heatmap, the Pareto curve, the matrix scatter and the CLV histogram.
/// </summary>
public static class ChartFiles
{
    /// <summary>Default image size in pixels.</summary>
    public const int Width = 1000, Height = 600;

    /// <summary>Writes <c>name.png</c> and <c>name.svg</c> per chart into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(ReportData data, string directory, string language)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var (name, plot) in Plots(data, new ReportText(language)))
        {
            var png = System.IO.Path.Combine(directory, name + ".png");
            var svg = System.IO.Path.Combine(directory, name + ".svg");
            AtomicFile.Write(png, temp => File.WriteAllBytes(temp, plot.GetImageBytes(Width, Height, ImageFormat.Png)));
            AtomicFile.Write(svg, temp => File.WriteAllText(temp, plot.GetSvgXml(Width, Height)));
            files.Add(png);
            files.Add(svg);
        }
        return files;
    }

    /// <summary>The PNG bytes of every chart, by name (the workbook embeds these).</summary>
    public static IReadOnlyList<(string Name, string Title, byte[] Png)> Pngs(ReportData data, ReportText t, int width = Width, int height = Height) =>
        [.. Plots(data, t).Select(p => (p.Name, p.Plot.Axes.Title.Label.Text, p.Plot.GetImageBytes(width, height, ImageFormat.Png)))];

    /// <summary>The charts the data supports, by file name.</summary>
    public static IReadOnlyList<(string Name, Plot Plot)> Plots(ReportData data, ReportText t)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(t);
        var list = new List<(string, Plot)>();
        var main = data.Schemes.FirstOrDefault(s => s.Name == "rfm") ?? (data.Schemes.Count > 0 ? data.Schemes[0] : null);
        if (main is not null) list.Add(("segments", ChartPlots.SegmentBars(main, t)));
        if (data.Rfm is { } rfm) list.Add(("rfm_heatmap", ChartPlots.RfmHeatmap(rfm, t)));
        if (data.Pareto is { } pareto) list.Add(("pareto", ChartPlots.Pareto(pareto, t)));
        foreach (var matrix in data.Matrices)
            list.Add((matrix.Scheme is { } scheme ? "matrix_" + string.Concat(scheme.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) : "matrix", ChartPlots.Matrix(matrix, t)));
        if (data.Clv is { } clv) list.Add(("clv_histogram", ChartPlots.ClvHistogram(clv, t)));
        return list;
    }
}
