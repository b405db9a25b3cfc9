using System.Globalization;
using Segmenta.Core.Customers;
using Segmenta.Core.Reporting;

namespace Segmenta.Data.Reporting;

public static partial class ReportDataBuilder
{
    private const int HistogramBins = 20, FrequencyRows = 10, RecencyColumns = 8;

    /// <summary>CLV distribution, top customers and the frequency × recency grids (lifetimes' plot_probability_alive_matrix and plot_frequency_recency_matrix).</summary>
    private static ClvSection? Clv(Src engine, RunRecord record, HashSet<string> columns, ReportBuildOptions options)
    {
        var clv = columns.FirstOrDefault(c => c.StartsWith("clv_", StringComparison.Ordinal) && c.EndsWith('m'));
        var purchases = columns.FirstOrDefault(c => c.StartsWith("exp_purchases_", StringComparison.Ordinal));
        if (clv is null || purchases is null) return null;
        var horizon = int.TryParse(clv[4..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) ? h : 12;
        var (c, p) = (Q(clv), Q(purchases));

        var lo = Math.Min(0, Scalar<double>(engine, $"SELECT min({c}) FROM {engine.Segments}"));
        var hi = Scalar<double>(engine, $"SELECT quantile_cont({c}, 0.99) FROM {engine.Segments}");
        if (!(hi > lo)) hi = lo + 1;
        var width = (hi - lo) / HistogramBins;
        var counts = new long[HistogramBins];
        using (var r = engine.Query($"SELECT least(greatest(CAST(floor(({c} - {Lit(lo)}) / {Lit(width)}) AS BIGINT), 0), {HistogramBins - 1}) AS b, count(*) FROM {engine.Segments} WHERE {c} IS NOT NULL GROUP BY b"))
            while (r.Read()) counts[r.GetInt64(0)] = r.GetInt64(1);
        var histogram = counts.Select((n, i) => new HistogramBin(lo + i * width, lo + (i + 1) * width, n)).ToList();

        var top = new List<TopCustomer>();
        using (var r = engine.Query($"SELECT customer_id, {c}, p_alive, {p}, CAST(monetary_total AS DOUBLE) FROM {engine.Segments} WHERE {c} IS NOT NULL ORDER BY {c} DESC, customer_id LIMIT {Math.Max(1, options.TopCustomers)}"))
            while (r.Read()) top.Add(new TopCustomer(r.GetString(0), r.GetDouble(1), r.IsDBNull(2) ? double.NaN : r.GetDouble(2), r.IsDBNull(3) ? double.NaN : r.GetDouble(3), r.GetDouble(4)));

        var maxDays = Math.Max(1, Scalar<long>(engine, $"SELECT max({FeatureNames.TenureDays}) FROM {engine.Segments}"));
        var weeksPerColumn = Math.Max(1, (int)Math.Ceiling(maxDays / 7.0 / RecencyColumns));
        var rowLabels = Enumerable.Range(0, FrequencyRows + 1).Select(i => i == FrequencyRows ? $"{i}+" : i.ToString(CultureInfo.InvariantCulture)).ToList();
        var columnLabels = Enumerable.Range(0, RecencyColumns).Select(j => $"{j * weeksPerColumn}–{(j + 1) * weeksPerColumn}").ToList();
        var alive = NewGrid(rowLabels.Count, columnLabels.Count, double.NaN);
        var expected = NewGrid(rowLabels.Count, columnLabels.Count, double.NaN);
        var cells = NewGrid(rowLabels.Count, columnLabels.Count, 0L);
        using (var r = engine.Query(
            $"SELECT least({FeatureNames.Frequency}, {FrequencyRows}) AS fr, least(CAST(floor({FeatureNames.FirstToLastDays} / 7.0 / {weeksPerColumn}) AS BIGINT), {RecencyColumns - 1}) AS rc, " +
            $"avg(p_alive), avg({p}), count(*) FROM {engine.Segments} GROUP BY fr, rc"))
        {
            while (r.Read())
            {
                var (i, j) = (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
                alive[i][j] = r.IsDBNull(2) ? double.NaN : r.GetDouble(2);
                expected[i][j] = r.IsDBNull(3) ? double.NaN : r.GetDouble(3);
                cells[i][j] = r.GetInt64(4);
            }
        }
        var frozenCells = cells.Select(row => (IReadOnlyList<long>)row).ToList();
        return new ClvSection(horizon, histogram, top,
            new ValueGrid(FeatureNames.Frequency, FeatureNames.FirstToLastDays, rowLabels, columnLabels, [.. alive.Select(row => (IReadOnlyList<double>)row)], frozenCells),
            new ValueGrid(FeatureNames.Frequency, FeatureNames.FirstToLastDays, rowLabels, columnLabels, [.. expected.Select(row => (IReadOnlyList<double>)row)], frozenCells))
        {
            TotalClv = Scalar<double>(engine, $"SELECT coalesce(sum({c}), 0) FROM {engine.Segments}"),
            LikelyInactive = Scalar<long>(engine, $"SELECT count(*) FROM {engine.Segments} WHERE p_alive < 0.5"),
            Models = record.Models,
        };
    }

    private static T[][] NewGrid<T>(int rows, int columns, T fill) =>
        [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(fill, columns).ToArray())];

    /// <summary>Each stage scheme that ran, crossed with the value scheme.</summary>
    private static List<CrossTabSection> Stages(Src engine, RunRecord record, ReportBuildOptions options)
    {
        var value = record.Schemes.FirstOrDefault(s => s.Name == options.ValueScheme);
        var list = new List<CrossTabSection>();
        if (value is null) return list;
        foreach (var stage in record.Schemes.Where(s => options.StageSchemes.Contains(s.Name, StringComparer.Ordinal)))
        {
            var rows = stage.Segments.Select(s => s.Key).ToList();
            var cols = value.Segments.Select(s => s.Key).ToList();
            var counts = NewGrid(rows.Count, cols.Count, 0L);
            using (var r = engine.Query($"SELECT CAST({Q(stage.SegmentColumn)} AS VARCHAR), CAST({Q(value.SegmentColumn)} AS VARCHAR), count(*) FROM {engine.Segments} GROUP BY 1, 2"))
            {
                while (r.Read())
                {
                    var (i, j) = (rows.IndexOf(r.IsDBNull(0) ? "" : r.GetString(0)), cols.IndexOf(r.IsDBNull(1) ? "" : r.GetString(1)));
                    if (i >= 0 && j >= 0) counts[i][j] += r.GetInt64(2);
                }
            }
            list.Add(new CrossTabSection(stage.Name, value.Name, [.. stage.Segments.Select(s => s.Label)], [.. value.Segments.Select(s => s.Label)],
                [.. counts.Select(row => (IReadOnlyList<long>)row)])
            { Title = stage.Title });
        }
        return list;
    }

    /// <summary>The customer sheet: id, the main features, CLV when present, and every scheme's segment key.</summary>
    private static CustomerTable CustomerRows(Src engine, RunRecord record, HashSet<string> columns, long count)
    {
        var list = new List<CustomerColumn> { new(FeatureNames.CustomerId) };
        foreach (var c in new[] { FeatureNames.FirstPurchase, FeatureNames.LastPurchase, FeatureNames.RecencyDays, FeatureNames.Orders, FeatureNames.MonetaryTotal, "rfm_score", "p_alive" })
            if (columns.Contains(c)) list.Add(new CustomerColumn(c));
        list.AddRange(columns.Where(c => c.StartsWith("clv_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(c => new CustomerColumn(c)));
        list.AddRange(record.Schemes.Where(s => columns.Contains(s.SegmentColumn)).Select(s => new CustomerColumn(s.SegmentColumn, s.Name)));
        var sql = $"SELECT {string.Join(", ", list.Select(c => Q(c.Name)))} FROM {engine.Segments} ORDER BY customer_id";
        return new CustomerTable(list, count, () => Read(engine, sql, list.Count));
    }

    private static IEnumerable<object?[]> Read(Src engine, string sql, int width)
    {
        using var r = engine.Query(sql);
        while (r.Read())
        {
            var row = new object?[width];
            for (var i = 0; i < width; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            yield return row;
        }
    }
}
