using Segmenta.Core.Reporting;

namespace Segmenta.Reports.Text;

/// <summary>Display texts that depend on the data: a segment's action, a quadrant's name and strategy.</summary>
internal static class Labels
{
    /// <summary>The segment's own playbook action, else the built-in one for its scheme, else null.</summary>
    public static string? Action(ReportText t, string scheme, SegmentRow row) =>
        row.Playbook is { } p ? t.Of(p.Action) : t.Playbook(scheme, row.Key);

    /// <summary>The quadrant's name: its own, else the translation table's.</summary>
    public static string Quadrant(ReportText t, MatrixQuadrant q) =>
        q.Label is { } l ? t.Of(l) : t["matrix.quadrant." + q.Key];

    /// <summary>The quadrant's strategy: its own, else the translation table's.</summary>
    public static string Strategy(ReportText t, MatrixQuadrant q) =>
        q.Strategy is { } s ? t.Of(s) : t["matrix.strategy." + q.Key];

    /// <summary>A matrix chart's title: the default orders × spend, or the scheme's title with its two measures.</summary>
    public static string MatrixTitle(ReportText t, MatrixSection m) => m.Scheme is null
        ? t["chart.matrix"]
        : t.Format("chart.matrix_scheme", t.Scheme(m.Scheme, m.Title), t.Measure(m.XMeasure), t.Measure(m.YMeasure));

    /// <summary>A share that is safe with a zero total.</summary>
    public static double Share(double part, double total) => total == 0 ? 0 : part / total;
}
