using System.Globalization;
using Segmenta.Core.Reporting;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Html;

public static partial class HtmlReport
{
    private static void Rfm(HtmlPage page, RfmSection rfm, ReportData data, ReportText t)
    {
        var best = rfm.Grid.FirstOrDefault(c => c.R == rfm.Bins && c.F == rfm.Bins);
        var worst = rfm.Grid.FirstOrDefault(c => c.R == 1 && c.F == 1);
        page.BeginSection("rfm", t["section.rfm"], t.Format("reading.rfm", rfm.Bins, t.Count(best?.Customers ?? 0), t.Money(best?.MeanMonetary ?? 0),
            t.Count(worst?.Customers ?? 0), t.Money(worst?.MeanMonetary ?? 0)));
        page.Chart(t["chart.rfm_heatmap"], EChartsSpecs.RfmHeatmap(rfm, t), tall: true);
        page.Chart(t["chart.score_distribution"], EChartsSpecs.ScoreDistribution(rfm, t));
        if (data.Schemes.FirstOrDefault(s => s.Name == "rfm") is { } scheme && scheme.Parameters.Count > 0)
        {
            page.Table([t["col.parameter"], t["col.value"]], scheme.Parameters.Select(p => (IReadOnlyList<string>)
                [p.Key, string.Join(", ", p.Value.Select(v => t.Number((double)v, 2)))]));
        }
        page.EndSection();
    }

    /// <summary>One sub-section per matrix scheme (or the default matrix alone).</summary>
    private static void Matrices(HtmlPage page, IReadOnlyList<MatrixSection> matrices, ReportText t)
    {
        if (matrices.Count == 1)
        {
            page.BeginSection("matrix", t["section.matrix"], MatrixReading(matrices[0], t));
            Matrix(page, matrices[0], t);
        }
        else
        {
            page.BeginSection("matrix", t["section.matrix"], t.Format("reading.matrices", matrices.Count));
            foreach (var m in matrices)
            {
                page.Heading(m.Scheme is null ? t["chart.matrix"] : t.Scheme(m.Scheme, m.Title));
                page.Paragraph(MatrixReading(m, t));
                Matrix(page, m, t);
            }
        }
        page.EndSection();
    }

    private static string MatrixReading(MatrixSection m, ReportText t)
    {
        var total = Math.Max(1, m.Population);
        var revenue = m.Quadrants.Sum(q => q.Revenue);
        var core = m.Quadrants[0];
        var largest = m.Quadrants.OrderByDescending(q => q.Customers).First();
        if (m.Scheme is null)
        {
            return t.Format("reading.matrix", t.Number(m.XSplit, 2), t.Money(m.YSplit),
                Labels.Quadrant(t, core), t.Count(core.Customers), t.Percent((double)core.Customers / total), t.Percent(Labels.Share((double)core.Revenue, (double)revenue)),
                Labels.Quadrant(t, largest), t.Count(largest.Customers), t.Percent((double)largest.Customers / total));
        }
        string Lines(IReadOnlyList<double> lines) => string.Join(" / ", lines.Select(v => t.Number(v, 2)));
        string Kind(string? kind) => kind is not null && ReportText.Has("matrix.split_kind." + kind) ? t["matrix.split_kind." + kind] : t["matrix.split_kind.computed"];
        return t.Format("reading.matrix_scheme", t.Scheme(m.Scheme, m.Title), t.Measure(m.XMeasure), Lines(m.XLines), Kind(m.XSplitKind),
            t.Measure(m.YMeasure), Lines(m.YLines), Kind(m.YSplitKind),
            Labels.Quadrant(t, core), t.Count(core.Customers), t.Percent((double)core.Customers / total), t.Percent(Labels.Share((double)core.Revenue, (double)revenue)),
            Labels.Quadrant(t, largest), t.Count(largest.Customers), t.Percent((double)largest.Customers / total));
    }

    private static void Matrix(HtmlPage page, MatrixSection m, ReportText t)
    {
        var total = Math.Max(1, m.Population);
        var revenue = m.Quadrants.Sum(q => q.Revenue);
        page.Chart(Labels.MatrixTitle(t, m), EChartsSpecs.Matrix(m, t, q => Labels.Quadrant(t, q)), tall: true);
        page.Paragraph(t.Format(m.LogX || m.LogY ? "matrix.log_note" : "matrix.linear_note", t.Count(m.Sample.Count), t.Count(m.Population)), "note");
        page.Table([m.Scheme is null ? t["matrix.quadrant"] : t["col.segment"], t["col.customers"], t["col.share"], t["col.revenue_share"], t["matrix.strategy"]],
            m.Quadrants.Select(q => (IReadOnlyList<string>)[Labels.Quadrant(t, q), t.Count(q.Customers), t.Percent((double)q.Customers / total),
                t.Percent(Labels.Share((double)q.Revenue, (double)revenue)), Labels.Strategy(t, q)]), i => i is > 0 and < 4);
    }

    private static void Pareto(HtmlPage page, ParetoSection p, ReportText t)
    {
        AbcShare Class(string key) => p.Classes.FirstOrDefault(c => c.Class == key) ?? new AbcShare(key, 0, 0, 0);
        var (a, b, c) = (Class("A"), Class("B"), Class("C"));
        page.BeginSection("pareto", t["section.pareto"], t.Format("reading.pareto", t.Percent(a.CustomerShare), t.Percent(a.RevenueShare), t.Percent(b.CustomerShare),
            t.Percent(a.RevenueShare + b.RevenueShare), t.Percent(c.CustomerShare), t.Percent(c.RevenueShare)));
        page.Chart(t["chart.pareto"], EChartsSpecs.Pareto(p, t), tall: true);
        page.Table([t["pareto.class"], t["col.customers"], t["col.share"], t["col.revenue_share"]],
            p.Classes.Select(x => (IReadOnlyList<string>)[x.Class, t.Count(x.Customers), t.Percent(x.CustomerShare), t.Percent(x.RevenueShare)]), i => i > 0);
        page.EndSection();
    }

    private static void Clv(HtmlPage page, ClvSection clv, ReportText t)
    {
        var customers = clv.Distribution.Sum(b => b.Count);
        var top = clv.TopCustomers.Sum(c => c.Clv);
        page.BeginSection("clv", t["section.clv"], t.Format("reading.clv", clv.HorizonMonths, t.Money(clv.TotalClv), t.Count(clv.TopCustomers.Count), t.Money(top),
            t.Count(clv.LikelyInactive), t.Percent(Labels.Share(clv.LikelyInactive, customers))));
        page.Tiles(
        [
            (t["clv.total"], t.Money(clv.TotalClv)),
            (t["clv.likely_inactive"], t.Count(clv.LikelyInactive)),
        ]);
        var clvName = t.Format("measure.clv", clv.HorizonMonths);
        page.Chart(t["chart.clv_histogram"], EChartsSpecs.Histogram(clv.Distribution, t, clvName));
        page.Chart(t["chart.p_alive_grid"], EChartsSpecs.Grid(clv.AliveGrid, t, t["measure.p_alive"]), tall: true);
        page.Chart(t["chart.expected_purchases_grid"], EChartsSpecs.Grid(clv.PurchasesGrid, t, t.Format("measure.exp_purchases", clv.HorizonMonths)), tall: true);
        if (clv.CalibrationVsHoldout is { Count: > 0 } cal)
        {
            page.Chart(t["chart.calibration"], EChartsSpecs.ActualVsPredicted(cal.Select(r => r.Frequency.ToString(CultureInfo.InvariantCulture)),
                cal.Select(r => r.Actual), cal.Select(r => r.Predicted), t["axis.calibration_frequency"], t["axis.holdout_purchases"], "bar", t));
        }
        if (clv.Tracking is { Count: > 0 } tracking)
        {
            page.Chart(t["chart.tracking"], EChartsSpecs.ActualVsPredicted(tracking.Select(r => r.Period.ToString(CultureInfo.InvariantCulture)),
                tracking.Select(r => r.Actual), tracking.Select(r => r.Predicted), t["axis.period"], t["axis.cumulative_purchases"], "line", t));
        }
        page.Heading(t["clv.top_customers"]);
        page.Table([t["measure.customer_id"], clvName, t["measure.p_alive"], t.Format("measure.exp_purchases", clv.HorizonMonths), t["measure.monetary_total"]],
            clv.TopCustomers.Select(c => (IReadOnlyList<string>)[c.CustomerId, t.Money(c.Clv), t.Number(c.PAlive, 3), t.Number(c.ExpectedPurchases, 2), t.Money(c.MonetaryTotal)]), i => i > 0);
        if (clv.Models.Count > 0)
        {
            page.Heading(t["clv.models"]);
            page.Table([t["clv.model"], t["col.parameter"], t["col.value"]],
                clv.Models.SelectMany(m => m.Value.Select(p => (IReadOnlyList<string>)[m.Key, p.Key, t.Number(p.Value, 4)])), i => i == 2);
        }
        page.EndSection();
    }
}
