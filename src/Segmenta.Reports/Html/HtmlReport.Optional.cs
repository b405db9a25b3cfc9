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
        var units = c.Profiles.Count > 0 && c.Profiles.All(p => p.Means.Count == c.Features.Count);
        var reading = t.Format(units ? "reading.clusters_units" : "reading.clusters", c.Profiles.Count, largest is null ? "–" : t.Of(largest.Label),
            t.Count(largest?.Customers ?? 0), t.Percent((double)(largest?.Customers ?? 0) / total));
        if (c.Fidelity is { } fidelity) reading += " " + t.Format("reading.clusters_fidelity", t.Percent(fidelity));
        page.BeginSection("clusters", t["section.clusters"], reading);
        page.Chart(t[units ? "chart.cluster_profiles_units" : "chart.cluster_profiles"], EChartsSpecs.ClusterRadar(c, t), tall: true);
        page.Table([t["clusters.cluster"], t["col.customers"], t["col.share"], .. c.Features.Select(t.Measure)],
            c.Profiles.Select(p => (IReadOnlyList<string>)[t.Of(p.Label), t.Count(p.Customers), t.Percent((double)p.Customers / total), .. (units ? p.Means : p.Centre).Select(v => t.Number(v, 2))]), i => i > 0);
        if (units) page.Paragraph(t["clusters.units_note"], "note");
        if (c.Rules.Count > 0)
        {
            var names = c.Profiles.ToDictionary(p => p.Key, p => t.Of(p.Label), StringComparer.Ordinal);
            page.Heading(c.Fidelity is { } f ? t.Format("clusters.rules_fidelity", t.Percent(f)) : t["clusters.rules"]);
            page.Table([t["clusters.cluster"], t["clusters.rule"], t["col.customers"], t["clusters.purity"]],
                c.Rules.Select(r => (IReadOnlyList<string>)[names.GetValueOrDefault(r.Cluster, r.Cluster), r.Text is { } text ? t.Of(text) : r.Rule, t.Count(r.Customers), t.Percent(r.Purity)]), i => i > 1);
        }
        page.EndSection();
    }

    private static void Migrations(HtmlPage page, IReadOnlyList<MigrationSection> migrations, ReportText t)
    {
        var first = migrations[0];
        var intro = t.Format("reading.migration_intro", first.FromSnapshot, first.ToSnapshot, migrations.Count, t.Count(first.OnlyAfter), t.Count(first.OnlyBefore));
        page.BeginSection("migration", t["section.migration"], intro);
        foreach (var m in migrations) Migration(page, m, t);
        page.EndSection();
    }

    private static void Migration(HtmlPage page, MigrationSection m, ReportText t)
    {
        var names = m.Segments.ToDictionary(s => s.Key, s => t.Of(s.Label), StringComparer.Ordinal);
        string Name(string key) => names.GetValueOrDefault(key, key);
        var total = m.Total;
        var stayed = total - m.Moved;
        var biggest = m.Transitions.Where(f => f.From != f.To && f.Customers > 0).OrderByDescending(f => f.Customers).ThenBy(f => f.From, StringComparer.Ordinal).ThenBy(f => f.To, StringComparer.Ordinal).Take(3)
            .Select(f => t.Format("migration.flow", Name(f.From), Name(f.To), t.Count(f.Customers))).ToList();
        page.Heading(t.Scheme(m.Scheme, m.Title));
        page.Paragraph(t.Format("reading.migration", m.FromSnapshot, m.ToSnapshot, t.Count(total), t.Count(stayed),
            t.Percent(Labels.Share(stayed, total)), t.Count(m.Moved), t.Percent(Labels.Share(m.Moved, total)), biggest.Count == 0 ? t["migration.no_moves"] : string.Join(t["list.separator"], biggest)));
        page.Chart(t.Scheme(m.Scheme, m.Title) + " · " + t["chart.migration_sankey"], EChartsSpecs.Sankey(m, t), tall: true);
        var keys = m.Segments.Select(s => s.Key).ToList();
        page.Table([t["migration.from"] + " \\ " + t["migration.to"], .. keys.Select(Name), t["col.customers"]],
            keys.Select(from => (IReadOnlyList<string>)[Name(from), .. keys.Select(to => t.Count(m.Transitions.Where(f => f.From == from && f.To == to).Sum(f => f.Customers))),
                t.Count(m.Transitions.Where(f => f.From == from).Sum(f => f.Customers))]), i => i > 0);
    }

    private static void Alerts(HtmlPage page, IReadOnlyList<ReportAlert> alerts, ReportText t)
    {
        page.BeginSection("alerts", t["section.alerts"], t.Format("reading.alerts", alerts.Count(a => a.Severity == "warning"), alerts.Count) + " " + t.Of(alerts[0].Message));
        page.Raw("<table class=\"alerts\"><thead><tr>");
        foreach (var h in new[] { t["alerts.level"], t["alerts.rule"], t["alerts.scheme"], t["col.customers"], t["alerts.message"] })
            page.Raw("<th>" + HtmlPage.E(h) + "</th>");
        page.Raw("</tr></thead><tbody>\n");
        foreach (var a in alerts)
        {
            var warning = a.Severity == "warning";
            page.Raw($"<tr class=\"{(warning ? "warning" : "info")}\"><td><strong>{HtmlPage.E(t[warning ? "alert.warning" : "alert.info"])}</strong></td><td>{HtmlPage.E(a.Rule ?? "–")}</td>" +
                $"<td>{HtmlPage.E(a.Scheme is null ? "–" : t.Scheme(a.Scheme))}</td><td class=\"num\">{HtmlPage.E(a.Customers is { } n ? t.Count(n) : "–")}</td><td>{HtmlPage.E(t.Of(a.Message))}</td></tr>\n");
        }
        page.Raw("</tbody></table>\n");
        page.EndSection();
    }
}
