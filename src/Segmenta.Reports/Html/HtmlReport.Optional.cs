using Segmenta.Core.Reporting;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Html;

/// <summary>Sections whose data comes from features that may not have run: stages, clusters, migration, alerts.</summary>
public static partial class HtmlReport
{
    private static void Stages(HtmlPage page, IReadOnlyList<CrossTabSection> stages, ReportText t)
    {
        var readings = stages.Select(s =>
        {
            var sizes = s.Counts.Select(r => r.Sum()).ToList();
            var total = Math.Max(1, sizes.Sum());
            var largest = sizes.Count == 0 ? 0 : sizes.IndexOf(sizes.Max());
            return t.Format("reading.stages", t.Scheme(s.Scheme, s.Title), s.Rows.Count == 0 ? "–" : t.Of(s.Rows[largest]), t.Percent((double)(sizes.Count == 0 ? 0 : sizes[largest]) / total));
        });
        page.BeginSection("stages", t["section.stages"], string.Join(" ", readings));
        foreach (var s in stages)
        {
            page.Heading(t.Scheme(s.Scheme, s.Title));
            page.Chart(t.Scheme(s.Scheme, s.Title) + " · " + t["chart.stage_sizes"], EChartsSpecs.Stages(s, t));
            page.Table([t["col.segment"], .. s.Columns.Select(t.Of), t["col.customers"]],
                s.Rows.Select((r, i) => (IReadOnlyList<string>)[t.Of(r), .. s.Counts[i].Select(t.Count), t.Count(s.Counts[i].Sum())]), i => i > 0);
        }
        page.EndSection();
    }

    private static void Clusters(HtmlPage page, ClusterSection c, ReportText t)
    {
        var total = Math.Max(1, c.Profiles.Sum(p => p.Customers));
        var largest = c.Profiles.OrderByDescending(p => p.Customers).FirstOrDefault();
        page.BeginSection("clusters", t["section.clusters"], t.Format("reading.clusters", c.Profiles.Count, largest is null ? "–" : t.Of(largest.Label),
            t.Count(largest?.Customers ?? 0), t.Percent((double)(largest?.Customers ?? 0) / total)));
        page.Chart(t["chart.cluster_profiles"], EChartsSpecs.ClusterRadar(c, t), tall: true);
        page.Table([t["clusters.cluster"], t["col.customers"], t["col.share"], .. c.Features.Select(t.Measure)],
            c.Profiles.Select(p => (IReadOnlyList<string>)[t.Of(p.Label), t.Count(p.Customers), t.Percent((double)p.Customers / total), .. p.Centre.Select(v => t.Number(v, 2))]), i => i > 0);
        if (c.Rules.Count > 0)
        {
            var names = c.Profiles.ToDictionary(p => p.Key, p => t.Of(p.Label), StringComparer.Ordinal);
            page.Heading(t["clusters.rules"]);
            page.Table([t["clusters.cluster"], t["clusters.rule"], t["col.customers"], t["clusters.purity"]],
                c.Rules.Select(r => (IReadOnlyList<string>)[names.GetValueOrDefault(r.Cluster, r.Cluster), r.Rule, t.Count(r.Customers), t.Percent(r.Purity)]), i => i > 1);
        }
        page.EndSection();
    }

    private static void Migration(HtmlPage page, MigrationSection m, ReportText t)
    {
        var names = m.Segments.ToDictionary(s => s.Key, s => t.Of(s.Label), StringComparer.Ordinal);
        string Name(string key) => names.GetValueOrDefault(key, key);
        var total = m.Transitions.Sum(f => f.Customers);
        var stayed = m.Transitions.Where(f => f.From == f.To).Sum(f => f.Customers);
        var biggest = m.Transitions.Where(f => f.From != f.To).OrderByDescending(f => f.Customers).FirstOrDefault();
        page.BeginSection("migration", t["section.migration"], t.Format("reading.migration", m.FromSnapshot, m.ToSnapshot, t.Count(total), t.Count(stayed),
            t.Percent(Labels.Share(stayed, total)), t.Count(total - stayed), biggest is null ? "–" : Name(biggest.From), biggest is null ? "–" : Name(biggest.To), t.Count(biggest?.Customers ?? 0)));
        page.Chart(t["chart.migration_sankey"], EChartsSpecs.Sankey(m, t), tall: true);
        page.Heading(t["migration.matrix"]);
        var keys = m.Segments.Select(s => s.Key).ToList();
        page.Table([t["migration.from"] + " \\ " + t["migration.to"], .. keys.Select(Name)],
            keys.Select(from => (IReadOnlyList<string>)[Name(from), .. keys.Select(to => t.Count(m.Transitions.Where(f => f.From == from && f.To == to).Sum(f => f.Customers)))]), i => i > 0);
        page.EndSection();
    }

    private static void Alerts(HtmlPage page, IReadOnlyList<ReportAlert> alerts, ReportText t)
    {
        page.BeginSection("alerts", t["section.alerts"], string.Join(" ", alerts.Take(1).Select(a => t.Of(a.Message))));
        page.Raw("<ul class=\"alerts\">\n");
        foreach (var a in alerts)
        {
            var warning = a.Severity == "warning";
            page.Raw($"<li class=\"{(warning ? "warning" : "info")}\"><strong>{HtmlPage.E(t[warning ? "alert.warning" : "alert.info"])}</strong> {HtmlPage.E(t.Of(a.Message))}</li>\n");
        }
        page.Raw("</ul>\n");
        page.EndSection();
    }
}
