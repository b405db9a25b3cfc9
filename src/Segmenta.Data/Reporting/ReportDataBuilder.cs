using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Customers;
using Segmenta.Core.Reporting;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Reporting;

/// <summary>
/// Fills <see cref="ReportData"/> from a DuckDB store after a segment run: the run record (row accounting, scheme
/// tables) plus small SQL aggregates over <c>customer_features</c> and <c>customer_segments</c> (grids, a sampled
/// scatter, the Pareto curve, histograms). Nothing per customer comes back except the top-customer list and the
/// lazily read customer table.
/// </summary>
public static partial class ReportDataBuilder
{
    private static readonly string[] QuadrantKeys = ["high_high", "low_high", "high_low", "low_low"];

    /// <summary>
    /// Builds the report data from the store on <paramref name="connection"/>: the snapshot
    /// <see cref="ReportBuildOptions.Snapshot"/> when set, else the store's last run (which is the latest snapshot plus
    /// what later ran on it, e.g. <c>segmenta cluster</c>), else the latest snapshot. The returned
    /// <see cref="ReportData.Customers"/> reads through the same connection: keep it open while rendering.
    /// </summary>
    /// <exception cref="SegmentaInputException">The store holds no segment run, or the snapshot asked for does not exist.</exception>
    public static ReportData Build(DuckDBConnection connection, ReportBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new ReportBuildOptions();
        var duck = new DuckDbEngine(connection);
        var snapshots = new SnapshotStore(connection);
        var (engine, record, snapshot) = Source(connection, duck, snapshots, options);
        var columns = new HashSet<string>(duck.TableColumns(engine.Segments), StringComparer.Ordinal);
        var customers = Scalar<long>(engine, $"SELECT count(*) FROM {engine.Segments}");
        var segmentColumns = new HashSet<string>(record.Schemes.Select(s => s.SegmentColumn), StringComparer.Ordinal);
        return new ReportData
        {
            AsOf = record.AsOf,
            Engine = record.Engine,
            GeneratedAt = options.GeneratedAt,
            SnapshotId = snapshot?.Id,
            DataQuality = record.DataQuality with { MissingAttributes = Coverage(engine, customers, segmentColumns) },
            Overview = Overview(engine),
            Schemes = record.Schemes,
            Rfm = columns.Contains(FeatureNames.RfmR) && columns.Contains(FeatureNames.RfmF) ? Rfm(engine, record) : null,
            Matrices = customers > 0 ? Matrices(engine, record, columns, options) : [],
            Pareto = record.Schemes.Any(s => s.Name == "abc") && customers > 0 ? Pareto(engine, record, options) : null,
            Clv = columns.Contains("p_alive") ? Clv(engine, record, columns, options) : null,
            Stages = Stages(engine, record, options),
            Clusters = Clusters(connection, engine, columns),
            Migrations = snapshot is null ? [] : Migrations(connection, snapshots, snapshot, record, options),
            Alerts = snapshot is null ? [] : Alerts(connection, snapshot, options),
            Customers = CustomerRows(engine, record, columns, customers),
        };
    }

    private static OverviewSection Overview(Src engine)
    {
        using var r = engine.Query($"SELECT count(*), CAST(coalesce(sum(monetary_total), 0) AS DECIMAL(38,4)), CAST(coalesce(sum(orders), 0) AS BIGINT), count(*) FILTER (WHERE orders > 1) FROM {engine.Features}");
        r.Read();
        return new OverviewSection(r.GetInt64(0), r.GetDecimal(1), r.GetInt64(2), r.GetInt64(3));
    }

    /// <summary>Missing values per attribute (text) column; segment keys and their labels are not attributes.</summary>
    private static List<AttributeCoverage> Coverage(Src engine, long customers, HashSet<string> segmentColumns)
    {
        var text = new List<string>();
        using (var r = engine.Query($"SELECT column_name FROM information_schema.columns WHERE table_name = '{engine.Features}' AND data_type = 'VARCHAR' AND column_name <> 'customer_id' ORDER BY ordinal_position"))
        {
            while (r.Read())
            {
                var name = r.GetString(0);
                if (!engine.IsSnapshot || (!segmentColumns.Contains(name) && !name.EndsWith("_label", StringComparison.Ordinal) && name != "rfm_score"))
                    text.Add(name);
            }
        }
        return [.. text.Select(c => new AttributeCoverage(c,
            Scalar<long>(engine, $"SELECT count(*) FROM {engine.Features} WHERE {Q(c)} IS NULL OR trim({Q(c)}) = ''"), customers))];
    }

    private static RfmSection Rfm(Src engine, RunRecord record)
    {
        var rfm = record.Schemes.FirstOrDefault(s => s.Name == "rfm");
        var bins = rfm is not null && rfm.Parameters.TryGetValue("rfm_bins", out var b) && b.Count == 1 ? (int)b[0] : 5;
        var grid = new List<RfmCell>();
        using (var r = engine.Query($"SELECT rfm_r, rfm_f, count(*), avg(CAST(monetary_total AS DOUBLE)) FROM {engine.Segments} GROUP BY 1, 2 ORDER BY 1, 2"))
            while (r.Read()) grid.Add(new RfmCell(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetInt64(2), r.GetDouble(3)));
        return new RfmSection(bins, grid, Scores(engine, FeatureNames.RfmR), Scores(engine, FeatureNames.RfmF), Scores(engine, FeatureNames.RfmM));
    }

    private static List<ScoreCount> Scores(Src engine, string column)
    {
        var list = new List<ScoreCount>();
        using var r = engine.Query($"SELECT {Q(column)}, count(*) FROM {engine.Segments} GROUP BY 1 ORDER BY 1");
        while (r.Read()) list.Add(new ScoreCount(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.GetInt64(1)));
        return list;
    }

    /// <summary>
    /// Orders × total spend split at the population means (the means the Chinese 8-class RFM uses, so the
    /// quadrants are its F and M halves); log axes when a measure is positive and its mean is over twice its median.
    /// </summary>
    private static MatrixSection DefaultMatrix(Src engine, RunRecord record, ReportBuildOptions options)
    {
        const string x = FeatureNames.Orders, y = FeatureNames.MonetaryTotal;
        double xSplit, ySplit;
        var cn8 = record.Schemes.FirstOrDefault(s => s.Name == "rfm_cn8");
        if (cn8 is not null && cn8.Parameters.TryGetValue("rfm_cn8_means", out var means) && means.Count == 3)
            (xSplit, ySplit) = ((double)means[1], (double)means[2]);
        else
            (xSplit, ySplit) = (Scalar<double>(engine, $"SELECT avg(CAST({x} AS DOUBLE)) FROM {engine.Features}"), Scalar<double>(engine, $"SELECT avg(CAST({y} AS DOUBLE)) FROM {engine.Features}"));
        var quadrantSql = $"(CASE WHEN {x} > {Lit(xSplit)} THEN 'high' ELSE 'low' END) || '_' || (CASE WHEN {y} > {Lit(ySplit)} THEN 'high' ELSE 'low' END)";
        var counts = new Dictionary<string, (long N, decimal Revenue)>(StringComparer.Ordinal);
        using (var r = engine.Query($"SELECT {quadrantSql} AS q, count(*), CAST(coalesce(sum(monetary_total), 0) AS DECIMAL(38,4)) FROM {engine.Features} GROUP BY q"))
            while (r.Read()) counts[r.GetString(0)] = (r.GetInt64(1), r.GetDecimal(2));
        var quadrants = QuadrantKeys.Select(k => new MatrixQuadrant(k, null, null, counts.GetValueOrDefault(k).N, counts.GetValueOrDefault(k).Revenue)).ToList();
        var sample = new List<MatrixPoint>();
        using (var r = engine.Query($"SELECT CAST({x} AS DOUBLE), CAST({y} AS DOUBLE), {quadrantSql} FROM {engine.Features} USING SAMPLE reservoir({Math.Max(1, options.ScatterSample)} ROWS) REPEATABLE (42)"))
            while (r.Read()) sample.Add(new MatrixPoint(r.GetDouble(0), r.GetDouble(1), r.GetString(2)));
        sample.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        return new MatrixSection(x, y, xSplit, ySplit, Skewed(engine, x), Skewed(engine, y), sample, quadrants);
    }

    private static bool Skewed(Src engine, string column)
    {
        using var r = engine.Query($"SELECT min({Q(column)}), avg(CAST({Q(column)} AS DOUBLE)), median(CAST({Q(column)} AS DOUBLE)) FROM {engine.Features}");
        r.Read();
        if (r.IsDBNull(0)) return false;
        var min = Convert.ToDouble(r.GetValue(0), CultureInfo.InvariantCulture);
        return min > 0 && r.GetDouble(1) > 2 * r.GetDouble(2);
    }

    /// <summary>Customers by spend, largest first; the curve is sampled at about <see cref="ReportBuildOptions.CurvePoints"/> ranks.</summary>
    private static ParetoSection Pareto(Src engine, RunRecord record, ReportBuildOptions options)
    {
        var abc = record.Schemes.First(s => s.Name == "abc");
        var limits = abc.Parameters.TryGetValue("abc_limits", out var l) && l.Count == 2 ? l : [0.80m, 0.95m];
        var n = Scalar<long>(engine, $"SELECT count(*) FROM {engine.Features}");
        var step = Math.Max(1, n / Math.Max(2, options.CurvePoints));
        var curve = new List<ParetoPoint> { new(0, 0) };
        using (var r = engine.Query(
            $"SELECT rn, cum, total FROM (SELECT row_number() OVER w AS rn, sum(CAST(monetary_total AS DOUBLE)) OVER w AS cum, sum(CAST(monetary_total AS DOUBLE)) OVER () AS total " +
            $"FROM {engine.Features} WINDOW w AS (ORDER BY monetary_total DESC, customer_id ROWS UNBOUNDED PRECEDING)) WHERE rn % {step} = 0 OR rn = {n} ORDER BY rn"))
        {
            while (r.Read())
            {
                var total = r.GetDouble(2);
                curve.Add(new ParetoPoint((double)r.GetInt64(0) / n, total == 0 ? 0 : r.GetDouble(1) / total));
            }
        }
        var customers = abc.Customers;
        var revenue = abc.Revenue;
        var classes = abc.Segments.Select(s => new AbcShare(s.Key, s.Customers,
            customers == 0 ? 0 : (double)s.Customers / customers, revenue == 0 ? 0 : (double)(s.Revenue / revenue))).ToList();
        return new ParetoSection(curve, (double)limits[0], (double)limits[1], classes);
    }

    internal static T Scalar<T>(Src engine, string sql) => Scalar<T>(engine.Engine, sql);

    internal static T Scalar<T>(DuckDbEngine engine, string sql)
    {
        using var r = engine.Query(sql);
        r.Read();
        return r.IsDBNull(0) ? default! : (T)Convert.ChangeType(r.GetValue(0), typeof(T), CultureInfo.InvariantCulture);
    }

    internal static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static string Lit(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "0";
}
