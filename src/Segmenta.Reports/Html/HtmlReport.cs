using System.Globalization;
using System.Text;
using Segmenta.Core.Reporting;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Html;

/// <summary>
/// The report as one self-contained HTML file: inline CSS, inline Apache ECharts, chart options as embedded JSON,
/// a table of contents, print CSS, and per section a plain-language reading computed from the numbers. It makes no
/// network request. Sections without data are left out.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The report in <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>).</summary>
    public static string Render(ReportData data, string language) => Render(data, new ReportText(language));

    /// <summary>The report with the labels of <paramref name="t"/> (tests inspect which keys were used).</summary>
    public static string Render(ReportData data, ReportText t)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(t);
        var page = new HtmlPage();
        Quality(page, data, t);
        Overview(page, data, t);
        if (data.Alerts.Count > 0) Alerts(page, data.Alerts, t);
        if (data.Rfm is { } rfm) Rfm(page, rfm, data, t);
        if (data.Matrices.Count > 0) Matrices(page, data.Matrices, t);
        if (data.Pareto is { } pareto) Pareto(page, pareto, t);
        if (data.Clv is { } clv) Clv(page, clv, t);
        if (data.Stages.Count > 0) Stages(page, data.Stages, t);
        if (data.Clusters is { } clusters) Clusters(page, clusters, t);
        if (data.Migrations.Count > 0) Migrations(page, data.Migrations, t);
        if (data.Schemes.Count > 0) Schemes(page, data.Schemes, t);
        if (data.Schemes.Count > 0) Playbooks(page, data.Schemes, t);
        return Shell(page, data, t);
    }

    private static string Shell(HtmlPage page, ReportData data, ReportText t)
    {
        var html = new StringBuilder(Assets.EChartsScript.Length + 200_000);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Segmenta\">\n<title>").Append(HtmlPage.E(t["report.title"])).Append(" · ")
            .Append(ReportText.Date(data.AsOf)).Append("</title>\n<style>\n").Append(Assets.Css).Append("</style>\n</head>\n<body>\n<header>\n<h1>")
            .Append(HtmlPage.E(t["report.title"])).Append("</h1>\n<p class=\"subtitle\">")
            .Append(HtmlPage.E(t.Format("report.subtitle", ReportText.Date(data.AsOf), t.Count(data.Overview.Customers), data.DataQuality.Source)))
            .Append("</p>\n<p class=\"meta\">").Append(HtmlPage.E(t.Format("report.engine", data.Engine)));
        if (data.GeneratedAt is { } at)
            html.Append(" · ").Append(HtmlPage.E(t.Format("report.generated", at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))));
        html.Append("</p>\n</header>\n<nav class=\"toc\">\n<h2>").Append(HtmlPage.E(t["toc.title"])).Append("</h2>\n<ol>\n");
        foreach (var (id, title) in page.Sections)
            html.Append("<li><a href=\"#").Append(HtmlPage.E(id)).Append("\">").Append(HtmlPage.E(title)).Append("</a></li>\n");
        html.Append("</ol>\n</nav>\n<main>\n").Append(page.Body).Append("</main>\n<footer><p>").Append(HtmlPage.E(t["report.footer"]))
            .Append("</p></footer>\n<script>\n").Append(Assets.EChartsScript).Append("\n</script>\n")
            .Append("<script type=\"application/json\" id=\"segmenta-charts\">").Append(page.ChartsJson).Append("</script>\n<script>\n")
            .Append(Assets.ReportScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Quality(HtmlPage page, ReportData data, ReportText t)
    {
        var q = data.DataQuality;
        var reading = new StringBuilder(t.Format("reading.quality", t.Count(q.RowsRead), t.Count(q.RowsAccepted), t.Count(q.RowsRejected),
            t.Percent(Labels.Share(q.RowsRejected, q.RowsRead)), ReportText.Date(q.FirstDate), ReportText.Date(q.LastDate), t.Count(data.Overview.Customers)));
        if (q.RejectedByReason.Count > 0)
        {
            var top = q.RejectedByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
            reading.Append(' ').Append(t.Format("reading.quality_rejects", t.Reason(top.Key), t.Count(top.Value)));
        }
        var worst = q.MissingAttributes.Where(a => a.Missing > 0).OrderByDescending(a => a.Missing).FirstOrDefault();
        if (worst is not null) reading.Append(' ').Append(t.Format("reading.quality_missing", worst.Column, t.Percent(Labels.Share(worst.Missing, worst.Customers))));
        if (q.TransactionsAfterAsOf > 0) reading.Append(' ').Append(t.Format("reading.quality_after", t.Count(q.TransactionsAfterAsOf)));
        page.BeginSection("quality", t["section.quality"], reading.ToString());
        page.Table([t["quality.metric"], t["quality.value"]],
        [
            [t["quality.source"], q.Source],
            [t["quality.rows_read"], t.Count(q.RowsRead)],
            [t["quality.rows_accepted"], t.Count(q.RowsAccepted)],
            [t["quality.rows_rejected"], t.Count(q.RowsRejected)],
            [t["quality.duplicate_rows"], t.Count(q.DuplicateRows)],
            [t["quality.return_rows"], t.Count(q.ReturnRows)],
            [t["quality.date_range"], ReportText.Date(q.FirstDate) + " – " + ReportText.Date(q.LastDate)],
            [t["quality.transactions_used"], t.Count(q.TransactionsUsed)],
            [t["quality.transactions_after"], t.Count(q.TransactionsAfterAsOf)],
        ], i => i == 1);
        if (q.RejectedByReason.Count > 0)
            page.Table([t["quality.reason"], t["quality.rows"]], q.RejectedByReason.OrderByDescending(p => p.Value).Select(p => (IReadOnlyList<string>)[t.Reason(p.Key), t.Count(p.Value)]), i => i == 1);
        else
            page.Paragraph(t["quality.no_rejects"], "note");
        if (q.MissingAttributes.Count > 0)
            page.Table([t["quality.attribute"], t["quality.missing"], t["quality.missing_share"]],
                q.MissingAttributes.Select(a => (IReadOnlyList<string>)[a.Column, t.Count(a.Missing), t.Percent(Labels.Share(a.Missing, a.Customers))]), i => i > 0);
        else
            page.Paragraph(t["quality.no_attributes"], "note");
        page.EndSection();
    }

    private static void Overview(HtmlPage page, ReportData data, ReportText t)
    {
        var o = data.Overview;
        var reading = new StringBuilder(t.Format("reading.overview", ReportText.Date(data.AsOf), t.Count(o.Customers), t.Money((double)o.Revenue),
            t.Money(Labels.Share((double)o.Revenue, o.Customers)), t.Percent(Labels.Share(o.RepeatCustomers, o.Customers))));
        var rfm = data.Schemes.FirstOrDefault(s => s.Name == "rfm");
        var top = rfm?.Segments.Where(s => s.Customers > 0).OrderByDescending(s => s.Revenue).FirstOrDefault();
        if (rfm is not null && top is not null)
            reading.Append(' ').Append(t.Format("reading.overview_top", t.Of(top.Label), t.Percent(Labels.Share(top.Customers, rfm.Customers)),
                t.Percent(Labels.Share((double)top.Revenue, (double)rfm.Revenue))));
        page.BeginSection("overview", t["section.overview"], reading.ToString());
        page.Tiles(
        [
            (t["metric.customers"], t.Count(o.Customers)),
            (t["metric.revenue"], t.Money((double)o.Revenue)),
            (t["metric.orders"], t.Count(o.Orders)),
            (t["metric.revenue_per_customer"], t.Money(Labels.Share((double)o.Revenue, o.Customers))),
            (t["metric.repeat_customers"], t.Percent(Labels.Share(o.RepeatCustomers, o.Customers))),
            (t["metric.as_of"], ReportText.Date(data.AsOf)),
        ]);
        var main = rfm ?? (data.Schemes.Count > 0 ? data.Schemes[0] : null);
        if (main is not null)
        {
            page.Chart(t.Scheme(main.Name, main.Title) + " · " + t["chart.segment_sizes"], EChartsSpecs.SegmentShares(main, t), tall: main.Segments.Count > 8);
            page.Chart(t.Scheme(main.Name, main.Title) + " · " + t["chart.revenue_treemap"], EChartsSpecs.RevenueTreemap(main, t));
        }
        page.EndSection();
    }

    private static void Schemes(HtmlPage page, IReadOnlyList<SchemeSection> schemes, ReportText t)
    {
        var readings = schemes.Where(s => s.Segments.Any(x => x.Customers > 0)).Select(s =>
        {
            var largest = s.Segments.OrderByDescending(x => x.Customers).First();
            var richest = s.Segments.OrderByDescending(x => x.Revenue).First();
            return t.Format("reading.scheme", t.Scheme(s.Name, s.Title), s.Segments.Count(x => x.Customers > 0), t.Of(largest.Label),
                t.Percent(Labels.Share(largest.Customers, s.Customers)), t.Of(richest.Label), t.Percent(Labels.Share((double)richest.Revenue, (double)s.Revenue)));
        });
        page.BeginSection("schemes", t["section.schemes"], string.Join(" ", readings));
        foreach (var s in schemes)
        {
            page.Heading(t.Scheme(s.Name, s.Title));
            page.Table(
                [t["col.segment"], t["col.customers"], t["col.share"], t["col.revenue"], t["col.revenue_share"], t["col.mean_recency"], t["col.mean_orders"], t["col.mean_monetary"], t["col.action"]],
                s.Segments.Select(x => (IReadOnlyList<string>)
                [
                    t.Of(x.Label), t.Count(x.Customers), t.Percent(Labels.Share(x.Customers, s.Customers)), t.Money((double)x.Revenue),
                    t.Percent(Labels.Share((double)x.Revenue, (double)s.Revenue)), t.Number(x.MeanRecencyDays, 1), t.Number(x.MeanOrders, 2),
                    t.Money(x.MeanMonetary), Labels.Action(t, s.Name, x) ?? "–",
                ]), i => i is > 0 and < 8);
            if (s.Name != "rfm") page.Chart(t.Scheme(s.Name, s.Title) + " · " + t["chart.segment_sizes"], EChartsSpecs.SegmentShares(s, t));
        }
        page.EndSection();
    }

    private static void Playbooks(HtmlPage page, IReadOnlyList<SchemeSection> schemes, ReportText t)
    {
        page.BeginSection("playbooks", t["section.playbooks"], t["reading.playbooks"]);
        foreach (var s in schemes)
        {
            page.Heading(t.Scheme(s.Name, s.Title));
            page.Raw("<div class=\"cards\">\n");
            foreach (var x in s.Segments.Where(x => x.Customers > 0))
            {
                var card = new StringBuilder("<article class=\"card\"><h4>").Append(HtmlPage.E(t.Of(x.Label))).Append("</h4><dl>");
                void Item(string label, string? value)
                {
                    if (!string.IsNullOrEmpty(value)) card.Append("<dt>").Append(HtmlPage.E(label)).Append("</dt><dd>").Append(HtmlPage.E(value)).Append("</dd>");
                }
                Item(t["playbook.who"], t.Of(x.Description));
                Item(t["playbook.how_many"], t.Count(x.Customers) + " (" + t.Percent(Labels.Share(x.Customers, s.Customers)) + ")");
                Item(t["playbook.what_to_do"], Labels.Action(t, s.Name, x) ?? t["playbook.none"]);
                Item(t["col.channel"], x.Playbook?.Channel);
                Item(t["col.owner"], x.Playbook?.Owner);
                Item(t["col.priority"], x.Playbook?.Priority?.ToString(t.Culture));
                Item(t["col.contact_every"], x.Playbook?.ContactEveryDays?.ToString(t.Culture));
                page.Raw(card.Append("</dl></article>\n").ToString());
            }
            page.Raw("</div>\n");
        }
        page.EndSection();
    }
}
