using System.Globalization;
using Segmenta.Core.Ingest;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Runs;
using Spectre.Console;

namespace Segmenta.Cli.Rendering;

/// <summary>The terminal view of a run: row accounting, then one segment table per scheme.</summary>
internal static class RunReportRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Render(CliContext context, SegmentationRun run, string language)
    {
        var zh = language == Language.Chinese;
        RenderLoad(context, run.Transactions, language);
        if (run.Customers is not null) RenderLoad(context, run.Customers, language);
        if (run.Interactions is not null) RenderLoad(context, run.Interactions, language);
        if (run.Surveys is not null) RenderLoad(context, run.Surveys, language);
        var f = run.Result.Features;
        context.Console.MarkupLine(Markup.Escape(zh
            ? $"客户数 {f.Customers:N0}，分析日期 {f.AsOf:yyyy-MM-dd}，使用交易 {f.TransactionsUsed:N0} 笔（{f.FirstDate:yyyy-MM-dd} 至 {f.LastDate:yyyy-MM-dd}）" + (f.TransactionsAfterAsOf > 0 ? $"，分析日期之后的交易 {f.TransactionsAfterAsOf:N0} 笔未使用" : "")
            : $"{f.Customers:N0} customers as of {f.AsOf:yyyy-MM-dd}, {f.TransactionsUsed:N0} transactions ({f.FirstDate:yyyy-MM-dd} to {f.LastDate:yyyy-MM-dd})" + (f.TransactionsAfterAsOf > 0 ? $"; {f.TransactionsAfterAsOf:N0} transactions after the as-of date not used" : "")));
        foreach (var scheme in run.Result.Schemes) RenderScheme(context, scheme, zh);
        foreach (var note in run.Notes) context.Console.MarkupLine("[grey]" + Markup.Escape(note) + "[/]");
        foreach (var (name, path) in run.Files.OrderBy(p => p.Key, StringComparer.Ordinal))
            context.Console.MarkupLine(Markup.Escape($"{(zh ? "输出" : "wrote")} {name}: {path}"));
    }

    public static void RenderLoad(CliContext context, LoadReport r, string language)
    {
        var zh = language == Language.Chinese;
        var line = zh
            ? $"{Path.GetFileName(r.Source)}：读取 {r.RowsRead:N0} 行 = 接受 {r.RowsAccepted:N0} + 拒绝 {r.RowsRejected:N0}"
            : $"{Path.GetFileName(r.Source)}: read {r.RowsRead:N0} rows = accepted {r.RowsAccepted:N0} + rejected {r.RowsRejected:N0}";
        if (r.RejectedByReason.Count > 0)
            line += " (" + string.Join(", ", r.RejectedByReason.Select(p => $"{p.Key} {p.Value:N0}")) + ")";
        if (r.ReturnRows > 0) line += zh ? $"；退货行 {r.ReturnRows:N0}" : $"; return rows {r.ReturnRows:N0}";
        if (r.DuplicateRows > 0) line += zh ? $"；完全重复行 {r.DuplicateRows:N0}" : $"; exact duplicate rows {r.DuplicateRows:N0}";
        context.Console.MarkupLine(Markup.Escape(line));
        if (r.RejectsFile is not null && r.RowsRejected > 0)
            context.Console.MarkupLine(Markup.Escape((zh ? "  拒绝行见 " : "  rejected rows: ") + r.RejectsFile));
    }

    private static void RenderScheme(CliContext context, SchemeResult scheme, bool zh)
    {
        var labels = scheme.Plan.Segments.ToDictionary(s => s.Key, s => s.Label.For(zh ? Language.Chinese : Language.English), StringComparer.Ordinal);
        var total = Math.Max(1, scheme.Segments.Sum(s => s.Customers));
        var revenue = scheme.Segments.Sum(s => s.Revenue);
        var table = new Table { Title = new TableTitle(Markup.Escape(scheme.Name)) };
        table.AddColumns(zh ? "分群" : "Segment", zh ? "客户数" : "Customers", zh ? "占比" : "Share", zh ? "收入占比" : "Revenue share",
            zh ? "平均R(天)" : "Mean R (days)", zh ? "平均F(单)" : "Mean F (orders)", zh ? "平均M" : "Mean M");
        for (var i = 1; i < table.Columns.Count; i++) table.Columns[i].RightAligned();
        foreach (var s in scheme.Segments)
        {
            table.AddRow(
                Markup.Escape(labels.TryGetValue(s.Segment, out var l) ? l : s.Segment),
                s.Customers.ToString("N0", Inv),
                ((double)s.Customers / total).ToString("P1", Inv),
                (revenue == 0 ? 0 : (double)(s.Revenue / revenue)).ToString("P1", Inv),
                s.Customers == 0 ? "-" : s.MeanRecencyDays.ToString("N1", Inv),
                s.Customers == 0 ? "-" : s.MeanOrders.ToString("N2", Inv),
                s.Customers == 0 ? "-" : s.MeanMonetary.ToString("N2", Inv));
        }
        context.Console.Write(table);
    }
}
