using ScottPlot;
using Segmenta.Core.Reporting;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Charts;

/// <summary>One ScottPlot <see cref="Plot"/> per chart, every label from the translation table, in the CJK font.</summary>
internal static class ChartPlots
{
    public static Plot SegmentBars(SchemeSection scheme, ReportText t)
    {
        var plot = New(t.Scheme(scheme.Name, scheme.Title) + " · " + t["chart.segment_sizes"]);
        var n = scheme.Segments.Count;
        var bars = plot.Add.Bars(scheme.Segments.Select(s => (double)s.Customers).ToArray());
        bars.Horizontal = true;
        for (var i = 0; i < n; i++)
        {
            bars.Bars[i].Position = n - 1 - i;
            bars.Bars[i].Label = t.Count(scheme.Segments[i].Customers);
        }
        bars.ValueLabelStyle.FontName = CjkFont.Register();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. scheme.Segments.Select((s, i) => new Tick(n - 1 - i, t.Of(s.Label)))]);
        plot.XLabel(t["axis.customers"]);
        plot.Axes.Margins(left: 0, right: 0.15);
        return Finish(plot);
    }

    public static Plot RfmHeatmap(RfmSection rfm, ReportText t)
    {
        var plot = New(t["chart.rfm_heatmap"]);
        var values = new double[rfm.Bins, rfm.Bins];
        for (var i = 0; i < rfm.Bins; i++) for (var j = 0; j < rfm.Bins; j++) values[i, j] = double.NaN;
        foreach (var c in rfm.Grid)
            if (c.R is >= 1 && c.R <= rfm.Bins && c.F >= 1 && c.F <= rfm.Bins) values[rfm.Bins - c.R, c.F - 1] = c.MeanMonetary; // row 0 is drawn on top: highest R first
        var map = plot.Add.Heatmap(values);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Rectangle = new CoordinateRect(0.5, rfm.Bins + 0.5, 0.5, rfm.Bins + 0.5);
        foreach (var c in rfm.Grid)
        {
            var label = plot.Add.Text(t.Money(c.MeanMonetary), c.F, c.R);
            label.LabelFontName = CjkFont.FamilyName;
            label.LabelFontColor = Colors.White;
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontSize = 12;
        }
        plot.Add.ColorBar(map).Label = t["axis.mean_monetary"];
        var ticks = Enumerable.Range(1, rfm.Bins).Select(i => new Tick(i, i.ToString(t.Culture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.XLabel(t["axis.f_score"]);
        plot.YLabel(t["axis.r_score"]);
        return Finish(plot);
    }

    public static Plot Pareto(ParetoSection p, ReportText t)
    {
        var plot = New(t["chart.pareto"]);
        var curve = plot.Add.Scatter(p.Curve.Select(c => c.CustomerShare * 100).ToArray(), p.Curve.Select(c => c.RevenueShare * 100).ToArray());
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = t["axis.revenue_share"];
        var diagonal = plot.Add.Line(0, 0, 100, 100);
        diagonal.LinePattern = LinePattern.Dotted;
        diagonal.LegendText = t["pareto.equality"];
        foreach (var (limit, key) in new[] { (p.ALimit, "A"), (p.BLimit, "B") })
        {
            var line = plot.Add.HorizontalLine(limit * 100);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = t.Format("pareto.cut", key, t.Percent(limit));
        }
        plot.Axes.SetLimits(0, 100, 0, 102);
        plot.XLabel(t["axis.customer_share"]);
        plot.YLabel(t["axis.revenue_share"]);
        plot.ShowLegend(Alignment.LowerRight);
        return Finish(plot);
    }

    public static Plot Matrix(MatrixSection m, ReportText t)
    {
        var plot = New(Labels.MatrixTitle(t, m));
        double X(double v) => m.LogX ? Math.Log10(v) : v;
        double Y(double v) => m.LogY ? Math.Log10(v) : v;
        foreach (var q in m.Quadrants)
        {
            var points = m.Sample.Where(p => p.Quadrant == q.Key).ToList();
            if (points.Count == 0) continue;
            var s = plot.Add.ScatterPoints(points.Select(p => X(p.X)).ToArray(), points.Select(p => Y(p.Y)).ToArray());
            s.MarkerSize = 4;
            s.LegendText = Labels.Quadrant(t, q);
        }
        foreach (var x in m.XLines.Where(double.IsFinite)) plot.Add.VerticalLine(X(x)).LinePattern = LinePattern.Dashed;
        foreach (var y in m.YLines.Where(double.IsFinite)) plot.Add.HorizontalLine(Y(y)).LinePattern = LinePattern.Dashed;
        if (m.LogX) plot.Axes.Bottom.TickGenerator = LogTicks(m.Sample.Select(p => p.X), t);
        if (m.LogY) plot.Axes.Left.TickGenerator = LogTicks(m.Sample.Select(p => p.Y), t);
        plot.XLabel(t.Measure(m.XMeasure));
        plot.YLabel(t.Measure(m.YMeasure));
        plot.ShowLegend(Alignment.UpperLeft);
        return Finish(plot);
    }

    public static Plot ClvHistogram(ClvSection clv, ReportText t)
    {
        var plot = New(t["chart.clv_histogram"]);
        var bins = clv.Distribution;
        var bars = plot.Add.Bars(bins.Select(b => (double)b.Count).ToArray());
        for (var i = 0; i < bins.Count; i++)
        {
            bars.Bars[i].Position = (bins[i].Lower + bins[i].Upper) / 2;
            bars.Bars[i].Size = (bins[i].Upper - bins[i].Lower) * 0.95;
        }
        plot.XLabel(t.Format("measure.clv", clv.HorizonMonths));
        plot.YLabel(t["axis.customers"]);
        plot.Axes.Margins(bottom: 0);
        return Finish(plot);
    }

    private static ScottPlot.TickGenerators.NumericManual LogTicks(IEnumerable<double> values, ReportText t)
    {
        var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var (lo, hi) = ((int)Math.Floor(Math.Log10(positive.Min())), (int)Math.Ceiling(Math.Log10(positive.Max())));
        return new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(lo, hi - lo + 1).Select(e => new Tick(e, t.Number(Math.Pow(10, e), 2)))]);
    }

    private static Plot New(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        return plot;
    }

    /// <summary>Every text of the plot (title, axis labels, ticks, legend) in the CJK font.</summary>
    private static Plot Finish(Plot plot)
    {
        plot.Font.Set(CjkFont.Register());
        plot.Legend.FontName = CjkFont.FamilyName;
        return plot;
    }
}
