using System.Text.Json.Nodes;
using Segmenta.Core.Reporting;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Html;

/// <summary>
/// Apache ECharts options for every report chart, built as JSON in C# with the data embedded. Tooltips use
/// <c>renderMode: richText</c>, so texts from the data (customer ids, segment names) are drawn as text and never
/// parsed as HTML.
/// </summary>
internal static class EChartsSpecs
{
    private static readonly string[] Palette = ["#2f6fb0", "#e07b39", "#3a9e6f", "#c04a5b", "#8a63b8", "#b59a2a", "#4aa3b8", "#7a7a7a", "#d46fa8", "#5b8c2a", "#a0522d", "#1f4e79"];

    public static JsonObject Base(bool axisTooltip = false) => new()
    {
        ["animation"] = false,
        ["color"] = Arr(Palette.Select(c => (JsonNode?)c)),
        ["tooltip"] = new JsonObject { ["trigger"] = axisTooltip ? "axis" : "item", ["renderMode"] = "richText" },
        ["grid"] = new JsonObject { ["left"] = 12, ["right"] = 40, ["top"] = 40, ["bottom"] = 28, ["containLabel"] = true },
    };

    /// <summary>Horizontal bars: each segment's share of customers and of revenue, in %.</summary>
    public static JsonObject SegmentShares(SchemeSection scheme, ReportText t)
    {
        var o = Base(axisTooltip: true);
        o["legend"] = new JsonObject { ["top"] = 0 };
        o["xAxis"] = new JsonObject { ["type"] = "value", ["axisLabel"] = new JsonObject { ["formatter"] = "{value} %" } };
        o["yAxis"] = new JsonObject { ["type"] = "category", ["inverse"] = true, ["data"] = Arr(scheme.Segments.Select(s => (JsonNode?)t.Of(s.Label))) };
        var customers = Math.Max(1, scheme.Customers);
        var revenue = scheme.Revenue == 0 ? 1m : scheme.Revenue;
        o["series"] = new JsonArray(
            Bar(t["col.share"], scheme.Segments.Select(s => 100.0 * s.Customers / customers)),
            Bar(t["col.revenue_share"], scheme.Segments.Select(s => (double)(100m * s.Revenue / revenue))));
        return o;
    }

    /// <summary>Treemap of revenue by segment.</summary>
    public static JsonObject RevenueTreemap(SchemeSection scheme, ReportText t)
    {
        var o = Base();
        o.Remove("grid");
        o["series"] = new JsonArray(new JsonObject
        {
            ["type"] = "treemap",
            ["roam"] = false,
            ["nodeClick"] = false,
            ["breadcrumb"] = new JsonObject { ["show"] = false },
            ["name"] = t.Scheme(scheme.Name, scheme.Title),
            ["data"] = Arr(scheme.Segments.Where(s => s.Revenue > 0).Select(s => (JsonNode?)new JsonObject { ["name"] = t.Of(s.Label), ["value"] = R((double)s.Revenue, 2) })),
        });
        return o;
    }

    /// <summary>R (rows) × F (columns) heatmap coloured by mean spend; the label is the number of customers.</summary>
    public static JsonObject RfmHeatmap(RfmSection rfm, ReportText t)
    {
        var scores = Enumerable.Range(1, rfm.Bins).Select(i => (JsonNode?)i.ToString(t.Culture)).ToList();
        var o = Heatmap(Arr(scores), Arr(scores.Select(s => s?.DeepClone())), t["axis.f_score"], t["axis.r_score"],
            rfm.Grid.Select(c => (c.F - 1, c.R - 1, c.MeanMonetary, c.Customers)), t["axis.mean_monetary"]);
        return o;
    }

    /// <summary>Grouped bars: customers per R, F and M score.</summary>
    public static JsonObject ScoreDistribution(RfmSection rfm, ReportText t)
    {
        var o = Base(axisTooltip: true);
        o["legend"] = new JsonObject { ["top"] = 0 };
        o["xAxis"] = new JsonObject { ["type"] = "category", ["name"] = t["axis.score"], ["data"] = Arr(Enumerable.Range(1, rfm.Bins).Select(i => (JsonNode?)i)) };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = t["axis.customers"] };
        JsonObject Series(string name, IReadOnlyList<ScoreCount> counts) =>
            Bar(name, Enumerable.Range(1, rfm.Bins).Select(i => (double)(counts.FirstOrDefault(c => c.Score == i)?.Customers ?? 0)));
        o["series"] = new JsonArray(Series(t["measure.rfm_r"], rfm.RecencyScores), Series(t["measure.rfm_f"], rfm.FrequencyScores), Series(t["measure.rfm_m"], rfm.MonetaryScores));
        return o;
    }

    /// <summary>Scatter of the sample, one series per quadrant, with the two split lines.</summary>
    public static JsonObject Matrix(MatrixSection m, ReportText t, Func<MatrixQuadrant, string> label)
    {
        var o = Base();
        o["legend"] = new JsonObject { ["top"] = 0 };
        o["xAxis"] = new JsonObject { ["type"] = m.LogX ? "log" : "value", ["name"] = t.Measure(m.XMeasure), ["nameLocation"] = "middle", ["nameGap"] = 26 };
        o["yAxis"] = new JsonObject { ["type"] = m.LogY ? "log" : "value", ["name"] = t.Measure(m.YMeasure) };
        var series = new JsonArray();
        foreach (var q in m.Quadrants)
        {
            series.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["name"] = label(q),
                ["symbolSize"] = 5,
                ["data"] = Arr(m.Sample.Where(p => p.Quadrant == q.Key).Select(p => (JsonNode?)new JsonArray(R(p.X, 4), R(p.Y, 4)))),
            });
        }
        if (series.Count > 0)
        {
            series[0]!["markLine"] = new JsonObject
            {
                ["silent"] = true,
                ["symbol"] = "none",
                ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["color"] = "#333" },
                ["label"] = new JsonObject { ["formatter"] = t["matrix.split"] + " {c}" },
                ["data"] = Arr(m.XLines.Where(double.IsFinite).Select(v => (JsonNode?)new JsonObject { ["xAxis"] = R(v, 2) })
                    .Concat(m.YLines.Where(double.IsFinite).Select(v => (JsonNode?)new JsonObject { ["yAxis"] = R(v, 2) }))),
            };
        }
        o["series"] = series;
        return o;
    }

    /// <summary>Cumulative revenue share against share of customers, the equal-spend diagonal and the A/B cuts.</summary>
    public static JsonObject Pareto(ParetoSection p, ReportText t)
    {
        var o = Base(axisTooltip: true);
        o["legend"] = new JsonObject { ["top"] = 0 };
        var percent = new JsonObject { ["formatter"] = "{value} %" };
        o["xAxis"] = new JsonObject { ["type"] = "value", ["min"] = 0, ["max"] = 100, ["name"] = t["axis.customer_share"], ["nameLocation"] = "middle", ["nameGap"] = 26, ["axisLabel"] = percent };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["min"] = 0, ["max"] = 100, ["name"] = t["axis.revenue_share"], ["axisLabel"] = percent.DeepClone() };
        var a = p.Classes.FirstOrDefault(c => c.Class == "A");
        var b = p.Classes.FirstOrDefault(c => c.Class == "B");
        var lines = new JsonArray(
            new JsonObject { ["yAxis"] = R(p.ALimit * 100, 2), ["name"] = t.Format("pareto.cut", "A", t.Percent(p.ALimit)) },
            new JsonObject { ["yAxis"] = R(p.BLimit * 100, 2), ["name"] = t.Format("pareto.cut", "B", t.Percent(p.BLimit)) });
        if (a is not null) lines.Add(new JsonObject { ["xAxis"] = R(a.CustomerShare * 100, 2), ["name"] = "A" });
        if (a is not null && b is not null) lines.Add(new JsonObject { ["xAxis"] = R((a.CustomerShare + b.CustomerShare) * 100, 2), ["name"] = "A+B" });
        o["series"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "line",
                ["name"] = t["axis.revenue_share"],
                ["showSymbol"] = false,
                ["areaStyle"] = new JsonObject { ["opacity"] = 0.15 },
                ["data"] = Arr(p.Curve.Select(c => (JsonNode?)new JsonArray(R(c.CustomerShare * 100, 3), R(c.RevenueShare * 100, 3)))),
                ["markLine"] = new JsonObject
                {
                    ["silent"] = true,
                    ["symbol"] = "none",
                    ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["color"] = "#c04a5b" },
                    ["label"] = new JsonObject { ["formatter"] = "{b}" },
                    ["data"] = lines,
                },
            },
            new JsonObject
            {
                ["type"] = "line",
                ["name"] = t["pareto.equality"],
                ["showSymbol"] = false,
                ["lineStyle"] = new JsonObject { ["type"] = "dotted", ["color"] = "#999" },
                ["data"] = new JsonArray(new JsonArray(0, 0), new JsonArray(100, 100)),
            });
        return o;
    }

    /// <summary>CLV histogram.</summary>
    public static JsonObject Histogram(IReadOnlyList<HistogramBin> bins, ReportText t, string axis)
    {
        var o = Base(axisTooltip: true);
        o["xAxis"] = new JsonObject { ["type"] = "category", ["name"] = axis, ["nameLocation"] = "middle", ["nameGap"] = 26, ["data"] = Arr(bins.Select((b, i) => (JsonNode?)(i == bins.Count - 1 ? "≥ " + t.Number(b.Lower, 0) : t.Number(b.Lower, 0) + "–" + t.Number(b.Upper, 0)))) };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = t["axis.customers"] };
        o["series"] = new JsonArray(Bar(t["axis.customers"], bins.Select(b => (double)b.Count)));
        return o;
    }

    /// <summary>A value grid as a heatmap (rows on y, columns on x); empty cells are left out.</summary>
    public static JsonObject Grid(ValueGrid g, ReportText t, string valueName)
    {
        var cells = new List<(int, int, double, long)>();
        for (var i = 0; i < g.RowLabels.Count; i++)
            for (var j = 0; j < g.ColumnLabels.Count; j++)
                if (double.IsFinite(g.Values[i][j])) cells.Add((j, i, g.Values[i][j], g.Counts[i][j]));
        return Heatmap(Arr(g.ColumnLabels.Select(l => (JsonNode?)l)), Arr(g.RowLabels.Select(l => (JsonNode?)l)), t.Measure(g.ColumnMeasure), t.Measure(g.RowMeasure), cells, valueName);
    }

    /// <summary>Two series over categories or periods (calibration vs holdout, tracking).</summary>
    public static JsonObject ActualVsPredicted(IEnumerable<string> x, IEnumerable<double> actual, IEnumerable<double> predicted, string xName, string yName, string type, ReportText t)
    {
        var o = Base(axisTooltip: true);
        o["legend"] = new JsonObject { ["top"] = 0 };
        o["xAxis"] = new JsonObject { ["type"] = "category", ["name"] = xName, ["nameLocation"] = "middle", ["nameGap"] = 26, ["data"] = Arr(x.Select(v => (JsonNode?)v)) };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = yName };
        o["series"] = new JsonArray(
            new JsonObject { ["type"] = type, ["name"] = t["series.actual"], ["data"] = Arr(actual.Select(v => (JsonNode?)R(v, 4))) },
            new JsonObject { ["type"] = type, ["name"] = t["series.predicted"], ["data"] = Arr(predicted.Select(v => (JsonNode?)R(v, 4))), ["lineStyle"] = new JsonObject { ["type"] = "dashed" } });
        return o;
    }

    /// <summary>Stacked horizontal bars: stages × value classes.</summary>
    public static JsonObject Stages(CrossTabSection c, ReportText t)
    {
        var o = Base(axisTooltip: true);
        o["legend"] = new JsonObject { ["top"] = 0 };
        o["xAxis"] = new JsonObject { ["type"] = "value", ["name"] = t["axis.customers"] };
        o["yAxis"] = new JsonObject { ["type"] = "category", ["inverse"] = true, ["data"] = Arr(c.Rows.Select(r => (JsonNode?)t.Of(r))) };
        var series = new JsonArray();
        for (var j = 0; j < c.Columns.Count; j++)
        {
            var s = Bar(t.Of(c.Columns[j]), c.Counts.Select(row => (double)row[j]));
            s["stack"] = "total";
            series.Add(s);
        }
        o["series"] = series;
        return o;
    }

    /// <summary>
    /// Radar of the cluster centres: in original units (each axis scaled from 0 or its lowest mean to its highest mean)
    /// when the means are known, else standardised centres on one shared axis.
    /// </summary>
    public static JsonObject ClusterRadar(ClusterSection c, ReportText t)
    {
        var units = c.Profiles.Count > 0 && c.Profiles.All(p => p.Means.Count == c.Features.Count);
        var values = c.Profiles.Select(p => units ? p.Means : p.Centre).ToList();
        var all = values.SelectMany(v => v).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var shared = Math.Ceiling(all.Max(Math.Abs) + 0.5);
        JsonObject Indicator(int i)
        {
            if (!units) return new JsonObject { ["name"] = t.Measure(c.Features[i]), ["min"] = -shared, ["max"] = shared };
            var axis = values.Select(v => v[i]).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
            var lo = Math.Min(0, axis.Min());
            var hi = axis.Max();
            hi = hi > lo ? hi + (hi - lo) * 0.1 : lo + 1;
            return new JsonObject { ["name"] = t.Measure(c.Features[i]), ["min"] = R(lo, 4), ["max"] = R(hi, 4) };
        }
        var o = Base();
        o.Remove("grid");
        o["legend"] = new JsonObject { ["top"] = 0 };
        o["radar"] = new JsonObject
        {
            ["center"] = new JsonArray("50%", "55%"),
            ["radius"] = "65%",
            ["indicator"] = Arr(Enumerable.Range(0, c.Features.Count).Select(i => (JsonNode?)Indicator(i))),
        };
        o["series"] = new JsonArray(new JsonObject
        {
            ["type"] = "radar",
            ["data"] = Arr(c.Profiles.Select((p, k) => (JsonNode?)new JsonObject { ["name"] = t.Of(p.Label), ["value"] = Arr(values[k].Select(v => (JsonNode?)R(v, 3))) })),
        });
        return o;
    }

    /// <summary>Sankey of segment migration; before and after nodes are distinct so the graph has no cycles.</summary>
    public static JsonObject Sankey(MigrationSection m, ReportText t)
    {
        var names = m.Segments.ToDictionary(s => s.Key, s => t.Of(s.Label), StringComparer.Ordinal);
        string Name(string key) => names.TryGetValue(key, out var n) ? n : key;
        var before = t["migration.before_suffix"];
        var after = t["migration.after_suffix"];
        var used = m.Transitions.Where(f => f.Customers > 0).ToList();
        var nodes = used.Select(f => Name(f.From) + before).Concat(used.Select(f => Name(f.To) + after)).Distinct(StringComparer.Ordinal);
        var o = Base();
        o.Remove("grid");
        o["series"] = new JsonArray(new JsonObject
        {
            ["type"] = "sankey",
            ["left"] = 8,
            ["right"] = 120,
            ["top"] = 12,
            ["bottom"] = 12,
            ["nodeAlign"] = "justify",
            ["emphasis"] = new JsonObject { ["focus"] = "adjacency" },
            ["data"] = Arr(nodes.Select(n => (JsonNode?)new JsonObject { ["name"] = n })),
            ["links"] = Arr(used.Select(f => (JsonNode?)new JsonObject { ["source"] = Name(f.From) + before, ["target"] = Name(f.To) + after, ["value"] = f.Customers })),
        });
        return o;
    }

    private static JsonObject Heatmap(JsonArray x, JsonArray y, string xName, string yName, IEnumerable<(int X, int Y, double Value, long Count)> cells, string valueName)
    {
        var list = cells.ToList();
        var values = list.Select(c => c.Value).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var o = Base();
        o["grid"] = new JsonObject { ["left"] = 12, ["right"] = 24, ["top"] = 16, ["bottom"] = 64, ["containLabel"] = true };
        o["xAxis"] = new JsonObject { ["type"] = "category", ["name"] = xName, ["nameLocation"] = "middle", ["nameGap"] = 24, ["data"] = x, ["splitArea"] = new JsonObject { ["show"] = true } };
        o["yAxis"] = new JsonObject { ["type"] = "category", ["name"] = yName, ["data"] = y, ["splitArea"] = new JsonObject { ["show"] = true } };
        o["visualMap"] = new JsonObject
        {
            ["min"] = R(values.Min(), 4),
            ["max"] = R(Math.Max(values.Max(), values.Min() + 1e-9), 4),
            ["calculable"] = true,
            ["orient"] = "horizontal",
            ["left"] = "center",
            ["bottom"] = 0,
            ["text"] = new JsonArray(valueName, ""),
            ["inRange"] = new JsonObject { ["color"] = new JsonArray("#f4f8fb", "#7fb0d8", "#1f4e79") },
        };
        o["series"] = new JsonArray(new JsonObject
        {
            ["type"] = "heatmap",
            ["name"] = valueName,
            ["label"] = new JsonObject { ["show"] = true, ["fontSize"] = 10 },
            ["data"] = Arr(list.Select(c => (JsonNode?)new JsonArray(c.X, c.Y, R(c.Value, c.Value < 10 ? 3 : 0)))),
        });
        return o;
    }

    private static JsonObject Bar(string name, IEnumerable<double> values) =>
        new() { ["type"] = "bar", ["name"] = name, ["data"] = Arr(values.Select(v => R(v, 2))) };

    internal static JsonArray Arr(IEnumerable<JsonNode?> items) => new([.. items]);

    /// <summary>A number rounded for the page; NaN and infinities become null (ECharts leaves the point out).</summary>
    internal static JsonNode? R(double value, int decimals) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, decimals)) : null;
}
