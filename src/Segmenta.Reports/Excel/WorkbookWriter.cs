using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using MiniExcelLibs.Picture;
using Segmenta.Core.Reporting;
using Segmenta.Data.Output;
using Segmenta.Reports.Charts;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Excel;

/// <summary>
/// The report as an Excel workbook: a summary sheet, one sheet per scheme with its segment table and actions, a
/// customer sheet with every segment and action (autofilter, frozen header row), and a sheet with the main charts
/// as images. Written with MiniExcel, which streams rows (millions of customers fit in little memory) and since
/// 1.3x supports frozen panes, autofilter and pictures, so the repository needs no second spreadsheet library.
/// Text cells that a spreadsheet would read as a formula get a leading apostrophe.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>Data rows per customer sheet (Excel's limit minus the header); later rows go to further sheets.</summary>
    public const int RowsPerSheet = 1_048_575;

    /// <summary>Writes the workbook to <paramref name="path"/> atomically.</summary>
    public static void Write(ReportData data, string path, string language, int rowsPerSheet = RowsPerSheet)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerSheet);
        var t = new ReportText(language);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal) { [t["sheet.summary"]] = Summary(data, t) };
        foreach (var scheme in data.Schemes) sheets[SheetName(t.Scheme(scheme.Name, scheme.Title), sheets)] = SchemeRows(scheme, t);
        if (data.Rfm is { } rfm) sheets[SheetName(t["sheet.rfm_grid"], sheets)] = RfmRows(rfm, t);
        if (data.Customers is { } customers)
        {
            var parts = (int)Math.Max(1, (customers.RowCount + rowsPerSheet - 1) / rowsPerSheet);
            using var rows = CustomerRows(customers, data.Schemes, t).GetEnumerator();
            for (var i = 0; i < parts; i++)
                sheets[i == 0 ? t["sheet.customers"] : $"{t["sheet.customers"]} {i + 1}"] = Take(rows, rowsPerSheet);
            Save(path, data, t, sheets);
        }
        else
        {
            Save(path, data, t, sheets);
        }
    }

    private static void Save(string path, ReportData data, ReportText t, Dictionary<string, object> sheets)
    {
        var charts = ChartFiles.Pngs(data, t, 900, 520);
        var chartSheet = t["sheet.charts"];
        sheets[chartSheet] = charts.Select(c => new Dictionary<string, object?> { [t["col.value"]] = c.Title }).ToList();
        var config = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true };
        AtomicFile.Write(path, temp =>
        {
            MiniExcel.SaveAs(temp, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: config, overwriteFile: true);
            if (charts.Count > 0)
            {
                MiniExcel.AddPicture(temp, [.. charts.Select((c, i) => new MiniExcelPicture
                {
                    ImageBytes = c.Png, SheetName = chartSheet, PictureType = "image/png",
                    CellAddress = "C" + (2 + i * 28).ToString(System.Globalization.CultureInfo.InvariantCulture), WidthPx = 900, HeightPx = 520,
                })]);
            }
        });
    }

    private static List<Dictionary<string, object?>> Summary(ReportData data, ReportText t)
    {
        var q = data.DataQuality;
        var o = data.Overview;
        var rows = new List<(string, object?)>
        {
            (t["metric.as_of"], ReportText.Date(data.AsOf)),
            (t["quality.source"], Safe(q.Source)),
            (t["quality.rows_read"], q.RowsRead),
            (t["quality.rows_accepted"], q.RowsAccepted),
            (t["quality.rows_rejected"], q.RowsRejected),
            (t["quality.duplicate_rows"], q.DuplicateRows),
            (t["quality.date_range"], ReportText.Date(q.FirstDate) + " – " + ReportText.Date(q.LastDate)),
            (t["metric.customers"], o.Customers),
            (t["metric.revenue"], o.Revenue),
            (t["metric.orders"], o.Orders),
            (t["metric.repeat_customers"], o.RepeatCustomers),
        };
        rows.AddRange(q.RejectedByReason.Select(p => (t["quality.reason"] + ": " + t.Reason(p.Key), (object?)p.Value)));
        if (data.Clv is { } clv) rows.Add((t["clv.total"], Math.Round(clv.TotalClv, 2)));
        return [.. rows.Select(r => new Dictionary<string, object?> { [t["quality.metric"]] = r.Item1, [t["quality.value"]] = r.Item2 })];
    }

    private static List<Dictionary<string, object?>> SchemeRows(SchemeSection s, ReportText t) =>
    [
        .. s.Segments.Select(x => new Dictionary<string, object?>
        {
            [t["col.key"]] = Safe(x.Key),
            [t["col.segment"]] = Safe(t.Of(x.Label)),
            [t["col.customers"]] = x.Customers,
            [t["col.share"]] = Math.Round(Labels.Share(x.Customers, s.Customers), 6),
            [t["col.revenue"]] = x.Revenue,
            [t["col.revenue_share"]] = Math.Round(Labels.Share((double)x.Revenue, (double)s.Revenue), 6),
            [t["col.mean_recency"]] = Math.Round(x.MeanRecencyDays, 2),
            [t["col.mean_orders"]] = Math.Round(x.MeanOrders, 4),
            [t["col.mean_monetary"]] = Math.Round(x.MeanMonetary, 2),
            [t["col.description"]] = Safe(t.Of(x.Description)),
            [t["col.action"]] = Safe(Labels.Action(t, s.Name, x) ?? ""),
        }),
    ];

    private static List<Dictionary<string, object?>> RfmRows(RfmSection rfm, ReportText t) =>
    [
        .. rfm.Grid.Select(c => new Dictionary<string, object?>
        {
            [t["col.r"]] = c.R, [t["col.f"]] = c.F, [t["col.customers"]] = c.Customers, [t["col.mean_monetary"]] = Math.Round(c.MeanMonetary, 2),
        }),
    ];

    /// <summary>One row per customer: the table's columns, and after each segment column its name and action.</summary>
    private static IEnumerable<Dictionary<string, object?>> CustomerRows(CustomerTable table, IReadOnlyList<SchemeSection> schemes, ReportText t)
    {
        var byName = schemes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var headers = new List<string>();
        var lookups = new List<(Dictionary<string, string> Label, Dictionary<string, string> Action)?>();
        foreach (var c in table.Columns)
        {
            headers.Add(c.Scheme is null ? t.Measure(c.Name) : c.Name);
            if (c.Scheme is not null && byName.TryGetValue(c.Scheme, out var s))
            {
                lookups.Add((s.Segments.ToDictionary(x => x.Key, x => t.Of(x.Label), StringComparer.Ordinal),
                    s.Segments.ToDictionary(x => x.Key, x => Labels.Action(t, s.Name, x) ?? "", StringComparer.Ordinal)));
            }
            else
            {
                lookups.Add(null);
            }
        }
        foreach (var row in table.Rows())
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                d[headers[i]] = Cell(row[i]);
                if (lookups[i] is { } l)
                {
                    var key = row[i]?.ToString() ?? "";
                    var scheme = t.Scheme(table.Columns[i].Scheme!);
                    d[t.Format("col.label_suffix", scheme)] = Safe(l.Label.GetValueOrDefault(key, key));
                    d[t.Format("col.action_suffix", scheme)] = Safe(l.Action.GetValueOrDefault(key, ""));
                }
            }
            yield return d;
        }
    }

    private static IEnumerable<T> Take<T>(IEnumerator<T> source, int count)
    {
        for (var i = 0; i < count && source.MoveNext(); i++) yield return source.Current;
    }

    private static object? Cell(object? value) => value switch
    {
        string s => Safe(s),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        System.Numerics.BigInteger b => (decimal)b,
        _ => value,
    };

    /// <summary>A text a spreadsheet would read as a formula (<c>= + - @</c>, tab, CR) gets a leading apostrophe.</summary>
    internal static string Safe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A valid, unique sheet name (≤ 31 characters, none of <c>[]:*?/\</c>).</summary>
    private static string SheetName(string name, Dictionary<string, object> taken)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var i = 2; taken.ContainsKey(candidate); i++) candidate = (clean.Length > 28 ? clean[..28] : clean) + " " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }
}
