using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Customers;
using Segmenta.Core.Reporting;
using Segmenta.Core.Schemes;
using Segmenta.Core.Snapshots.Migration;
using Segmenta.Data.Alerts;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Reporting;

public static partial class ReportDataBuilder
{
    /// <summary>The tables a report reads: the last run's (<c>customer_features</c>, <c>customer_segments</c>) or one snapshot's customer table.</summary>
    internal sealed class Src(DuckDbEngine engine, string features, string segments, bool isSnapshot)
    {
        public DuckDbEngine Engine => engine;

        public string Features => features;

        public string Segments => segments;

        public bool IsSnapshot => isSnapshot;

        public DbDataReader Query(string sql) => engine.Query(sql);
    }

    /// <summary>Chooses what the report shows; see <see cref="Build"/>.</summary>
    private static (Src Source, RunRecord Record, SnapshotHeader? Snapshot) Source(DuckDBConnection connection, DuckDbEngine duck, SnapshotStore snapshots, ReportBuildOptions options)
    {
        var all = snapshots.List();
        if (options.Snapshot is { } id)
        {
            var chosen = all.FirstOrDefault(h => h.Id == id) ?? throw UnknownSnapshot(connection, "--snapshot", id, all);
            return FromSnapshot(connection, duck, chosen);
        }
        var live = RunRecordStore.Load(connection);
        var latest = all.Count == 0 ? null : all[^1];
        // The live tables are the latest snapshot's (plus later cluster columns) unless a later snapshot (e.g. a backfill) replaced them.
        if (live is not null && duck.TableExists(DuckDbEngine.SegmentsTable) && (live.SnapshotId ?? latest?.Id) == latest?.Id)
        {
            var snapshot = live.SnapshotId is { } sid ? all.FirstOrDefault(h => h.Id == sid) : latest;
            return (new Src(duck, DuckDbEngine.FeaturesTable, DuckDbEngine.SegmentsTable, false), live, snapshot);
        }
        if (latest is not null) return FromSnapshot(connection, duck, latest);
        throw new SegmentaInputException($"The store {connection.DataSource} holds no segment run: run `segmenta segment --input FILE --db {connection.DataSource}` first, then `segmenta report --db {connection.DataSource}`.");
    }

    private static (Src, RunRecord, SnapshotHeader?) FromSnapshot(DuckDBConnection connection, DuckDbEngine duck, SnapshotHeader header)
    {
        var table = SnapshotStore.CustomersTable(header.Id);
        var src = new Src(duck, table, table, true);
        var record = RunRecordStore.LoadForSnapshot(connection, header.Id) ?? Synthesize(src, header);
        // Keep only the schemes the snapshot holds (a record is written with the run, the snapshot with the same plans).
        return (src, record, header);
    }

    /// <summary>A run record rebuilt from a snapshot written before records were kept with snapshots: its schemes, labels and cut points, stats by SQL.</summary>
    private static RunRecord Synthesize(Src engine, SnapshotHeader header)
    {
        var columns = new HashSet<string>(engine.Engine.TableColumns(engine.Segments), StringComparer.Ordinal);
        var schemes = new List<SchemeSection>();
        foreach (var scheme in header.Schemes.Where(s => columns.Contains(s.SegmentColumn)))
        {
            var stats = new Dictionary<string, SegmentRow>(StringComparer.Ordinal);
            using (var r = engine.Query($"SELECT CAST({Q(scheme.SegmentColumn)} AS VARCHAR), count(*), CAST(coalesce(sum(monetary_total), 0) AS DECIMAL(38,4)), avg(CAST({FeatureNames.RecencyDays} AS DOUBLE)), avg(CAST(orders AS DOUBLE)), avg(CAST(monetary_total AS DOUBLE)) FROM {engine.Segments} GROUP BY 1"))
            {
                while (r.Read())
                {
                    var key = r.IsDBNull(0) ? "" : r.GetString(0);
                    stats[key] = new SegmentRow(key, new LocalizedText(key, key), new LocalizedText("", ""), r.GetInt64(1), r.GetDecimal(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5));
                }
            }
            var known = scheme.Segments.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var rows = scheme.Segments.Where(s => stats.ContainsKey(s.Key)).Select(s => stats[s.Key] with { Label = s.Label, Description = s.Description })
                .Concat(stats.Values.Where(v => !known.Contains(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal)).ToList();
            schemes.Add(new SchemeSection(scheme.Name, scheme.SegmentColumn, rows) { Parameters = scheme.Parameters });
        }
        using var d = engine.Query($"SELECT min({FeatureNames.FirstPurchase}), max({FeatureNames.LastPurchase}), CAST(coalesce(sum(orders), 0) AS BIGINT) FROM {engine.Segments}");
        d.Read();
        DateOnly? Day(int i) => d.IsDBNull(i) ? null : d.GetValue(i) switch
        {
            DateOnly day => day,
            DateTime time => DateOnly.FromDateTime(time),
            var other => DateOnly.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
        var quality = new DataQualitySection(Path.GetFileName(header.Input.Path), header.Input.Rows, header.Input.Rows, 0,
            new Dictionary<string, long>(StringComparer.Ordinal), 0, 0, Day(0), Day(1), d.GetInt64(2), 0);
        return new RunRecord(header.AsOf, header.Engine, quality, schemes, new Dictionary<string, IReadOnlyDictionary<string, double>>()) { SnapshotId = header.Id };
    }

    private static SegmentaInputException UnknownSnapshot(DuckDBConnection connection, string option, long id, IReadOnlyList<SnapshotHeader> all) => new(all.Count == 0
        ? $"{option} {id}: the store {connection.DataSource} holds no snapshot; run segmenta segment or segmenta backfill first. / 存储中没有快照。"
        : $"{option} {id}: no such snapshot in {connection.DataSource}; available: {string.Join(", ", all.Select(h => h.Id.ToString(CultureInfo.InvariantCulture) + " (" + h.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")"))}. / 快照 {id} 不存在，可用编号：{string.Join(", ", all.Select(h => h.Id))}。");

    /// <summary>One matrix per <c>kind: matrix</c> scheme of the run; the default orders × spend matrix when none ran.</summary>
    private static List<MatrixSection> Matrices(Src engine, RunRecord record, HashSet<string> columns, ReportBuildOptions options)
    {
        var list = new List<MatrixSection>();
        foreach (var spec in record.Matrices)
        {
            var scheme = record.Schemes.FirstOrDefault(s => s.Name == spec.Scheme);
            if (scheme is null || !columns.Contains(scheme.SegmentColumn) || !columns.Contains(spec.RowMeasure) || !columns.Contains(spec.ColumnMeasure)) continue;
            list.Add(SchemeMatrix(engine, spec, scheme, options));
        }
        if (list.Count == 0) list.Add(DefaultMatrix(engine, record, options));
        return list;
    }

    /// <summary>A matrix scheme drawn with its own measures (columns on x, rows on y), its cut points and its segments' playbooks.</summary>
    private static MatrixSection SchemeMatrix(Src engine, MatrixSchemeSpec spec, SchemeSection scheme, ReportBuildOptions options)
    {
        IReadOnlyList<double> Cuts(string axis) => scheme.Parameters.TryGetValue($"{spec.Scheme}_{axis}_cut_points", out var c) ? [.. c.Select(v => (double)v)] : [];
        var (x, y) = (spec.ColumnMeasure, spec.RowMeasure);
        var rows = scheme.Segments.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var quadrants = spec.Cells.OrderByDescending(c => c.Row).ThenByDescending(c => c.Column).Select(c =>
        {
            var row = rows.GetValueOrDefault(c.Segment);
            var strategy = row?.Playbook?.Action ?? (row is { Description: { } d } && (d.ZhCn.Length > 0 || d.En.Length > 0) ? d : new LocalizedText("–", "–"));
            return new MatrixQuadrant(c.Segment, row?.Label ?? new LocalizedText(c.Segment, c.Segment), strategy, row?.Customers ?? 0, row?.Revenue ?? 0) { Row = c.Row, Column = c.Column };
        }).ToList();
        var column = Q(scheme.SegmentColumn);
        var sample = new List<MatrixPoint>();
        using (var r = engine.Query($"SELECT CAST({Q(x)} AS DOUBLE), CAST({Q(y)} AS DOUBLE), CAST({column} AS VARCHAR) FROM {engine.Segments} WHERE {Q(x)} IS NOT NULL AND {Q(y)} IS NOT NULL USING SAMPLE reservoir({Math.Max(1, options.ScatterSample)} ROWS) REPEATABLE (42)"))
            while (r.Read()) sample.Add(new MatrixPoint(r.GetDouble(0), r.GetDouble(1), r.IsDBNull(2) ? "" : r.GetString(2)));
        sample.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        var (xCuts, yCuts) = (Cuts("column"), Cuts("row"));
        return new MatrixSection(x, y, xCuts.Count > 0 ? xCuts[0] : double.NaN, yCuts.Count > 0 ? yCuts[0] : double.NaN, Skewed(engine, x), Skewed(engine, y), sample, quadrants)
        {
            Scheme = spec.Scheme,
            Title = scheme.Title,
            XBreaks = xCuts,
            YBreaks = yCuts,
            XSplitKind = spec.ColumnSplit,
            YSplitKind = spec.RowSplit,
        };
    }

    /// <summary>The last k-means run whose cluster column the shown table holds, with the tree that explains it (when <c>explain</c> ran).</summary>
    private static ClusterSection? Clusters(DuckDBConnection connection, Src engine, HashSet<string> columns)
    {
        var record = AnalysisRecordStore.Clusters(connection).LastOrDefault(c => columns.Contains(c.Scheme));
        if (record is null) return null;
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var r = engine.Query($"SELECT CAST({Q(record.Scheme)} AS VARCHAR), count(*) FROM {engine.Segments} GROUP BY 1"))
            while (r.Read()) sizes[r.IsDBNull(0) ? "" : r.GetString(0)] = r.GetInt64(1);
        var profiles = record.Profiles.Select(p => new ClusterProfile(p.Key, p.Name, sizes.GetValueOrDefault(p.Key, p.Customers), p.ZScores) { Means = p.Means }).ToList();
        var explain = AnalysisRecordStore.Explain(connection, record.Scheme);
        var rules = explain is null ? [] : explain.Rules.Select(r => new ClusterRule(r.Segment, r.Conditions.En, r.Customers, r.Purity) { Text = r.Conditions }).ToList();
        return new ClusterSection(record.Features, profiles, rules) { Scheme = record.Scheme, Fidelity = explain?.Fidelity };
    }

    /// <summary>Per scheme both snapshots hold (and with at most <see cref="ReportBuildOptions.MaxMigrationSegments"/> segments): the transition matrix from the compared snapshot to this one.</summary>
    private static List<MigrationSection> Migrations(DuckDBConnection connection, SnapshotStore snapshots, SnapshotHeader after, RunRecord record, ReportBuildOptions options)
    {
        SnapshotHeader? before;
        if (options.Compare is { } id)
        {
            var all = snapshots.List();
            before = all.FirstOrDefault(h => h.Id == id) ?? throw UnknownSnapshot(connection, "--compare", id, all);
            if (before.Id == after.Id) throw new SegmentaInputException($"--compare {id}: that is the snapshot shown; pick another id (segmenta snapshots list). / 请选择另一个快照。");
        }
        else
        {
            before = snapshots.Previous(after.Id);
        }
        if (before is null) return [];
        var diff = SnapshotComparer.Diff(connection, before.Id, after.Id);
        var titles = record.Schemes.ToDictionary(s => s.Name, s => s.Title, StringComparer.Ordinal);
        string Name(SnapshotHeader h) => h.Id.ToString(CultureInfo.InvariantCulture) + " (" + h.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")";
        return [.. diff.Schemes.Where(m => m.Matrix.Segments.Count <= options.MaxMigrationSegments).Select(m => Migration(m, after, Name(before), Name(after), titles.GetValueOrDefault(m.Scheme)))];
    }

    /// <summary>Core's migration of one scheme as a report section (every non-zero cell of the transition matrix).</summary>
    public static MigrationSection Migration(MigrationResult m, SnapshotHeader after, string from, string to, LocalizedText? title = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(after);
        var labels = after.Scheme(m.Scheme)?.Segments.ToDictionary(s => s.Key, s => s.Label, StringComparer.Ordinal) ?? [];
        var keys = m.Matrix.Segments;
        var segments = keys.Select(k => new MigrationSegment(k, labels.TryGetValue(k, out var l) ? l : new LocalizedText(k, k))).ToList();
        var flows = new List<MigrationFlow>();
        for (var i = 0; i < keys.Count; i++)
            for (var j = 0; j < keys.Count; j++)
                if (m.Matrix.Counts[i][j] > 0) flows.Add(new MigrationFlow(keys[i], keys[j], m.Matrix.Counts[i][j]));
        return new MigrationSection(m.Scheme, from, to, segments, flows)
        {
            Title = title,
            OnlyBefore = m.OnlyBefore.Values.Sum(),
            OnlyAfter = m.OnlyAfter.Values.Sum(),
        };
    }

    /// <summary>The fired alerts of the snapshot: evaluated now from <see cref="ReportBuildOptions.AlertRules"/>, else the ones kept when it was stored.</summary>
    private static List<ReportAlert> Alerts(DuckDBConnection connection, SnapshotHeader snapshot, ReportBuildOptions options)
    {
        var json = options.AlertRules is { } rules
            ? AlertRunner.Evaluate(connection, rules, snapshot.Id, null, keep: false).ToJson()
            : AlertRunner.Kept(connection, snapshot.Id);
        if (json?["alerts"] is not JsonArray alerts) return [];
        return [.. alerts.OfType<JsonObject>().Where(a => (string?)a["status"] == Core.Snapshots.Alerts.AlertResult.Triggered).Select(a =>
            new ReportAlert("warning", new LocalizedText((string?)a["message_zh"] ?? "", (string?)a["message_en"] ?? ""))
            {
                Rule = (string?)a["name"],
                Scheme = (string?)a["scheme"],
                Customers = Number(a["customers_count"]) is > 0 and var n ? (long)n : Number(a["value"]) is { } v && Math.Abs(v) >= 1 ? (long)Math.Round(v) : null,
            })];
    }

    /// <summary>A JSON number whether it was parsed or built in memory (int, long or double).</summary>
    private static double? Number(JsonNode? node) =>
        node is JsonValue v && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
