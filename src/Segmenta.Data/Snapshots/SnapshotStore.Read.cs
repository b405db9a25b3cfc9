using System.Data.Common;
using System.Globalization;
using Segmenta.Core;

namespace Segmenta.Data.Snapshots;

public sealed partial class SnapshotStore
{
    /// <summary>Every complete snapshot, oldest id first.</summary>
    public IReadOnlyList<SnapshotHeader> List()
    {
        if (!HasSchema()) return [];
        var headers = ReadHeaders($"WHERE status = {Text(Complete)} ORDER BY snapshot_id");
        return headers;
    }

    /// <summary>The complete snapshot <paramref name="id"/>, or null.</summary>
    public SnapshotHeader? Get(long id) =>
        HasSchema() ? ReadHeaders($"WHERE status = {Text(Complete)} AND snapshot_id = {id}").FirstOrDefault() : null;

    /// <summary>The complete snapshot <paramref name="id"/>.</summary>
    /// <exception cref="SegmentaInputException">No such snapshot.</exception>
    public SnapshotHeader Require(long id) => Get(id) ?? throw NotFound(id);

    /// <summary>The latest complete snapshot before <paramref name="id"/> by as-of date (then id), or null.</summary>
    public SnapshotHeader? Previous(long id)
    {
        var current = Require(id);
        return List().Where(h => h.Id != id && (h.AsOf < current.AsOf || (h.AsOf == current.AsOf && h.Id < id)))
            .OrderBy(h => h.AsOf).ThenBy(h => h.Id).LastOrDefault();
    }

    /// <summary>Customer → segment of one scheme in one snapshot.</summary>
    /// <exception cref="SegmentaInputException">No such snapshot or scheme.</exception>
    public Dictionary<string, string> Assignments(long id, string scheme)
    {
        var header = Require(id);
        var s = header.Scheme(scheme) ?? throw UnknownScheme(header, scheme);
        var result = new Dictionary<string, string>(checked((int)header.Customers), StringComparer.Ordinal);
        using var reader = Query($"SELECT CAST(customer_id AS VARCHAR), CAST({Quote(s.SegmentColumn)} AS VARCHAR) FROM {CustomersTable(id)}");
        while (reader.Read())
            result[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        return result;
    }

    /// <summary>Scheme → parameter name → values of a snapshot (for frozen cut points).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<decimal>>> Parameters(long id) =>
        Require(id).Schemes.ToDictionary(s => s.Name, s => s.Parameters, StringComparer.Ordinal);

    /// <summary>The columns of a snapshot's per-customer table.</summary>
    public IReadOnlyList<string> CustomerColumns(long id)
    {
        Require(id);
        var columns = new List<string>();
        using var reader = Query($"SELECT column_name FROM information_schema.columns WHERE table_name = {Text(CustomersTable(id))} ORDER BY ordinal_position");
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    internal static SegmentaInputException UnknownScheme(SnapshotHeader header, string scheme) => new(
        $"snapshot {header.Id} has no scheme \"{scheme}\"; it has {string.Join(", ", header.Schemes.Select(s => s.Name))}. / 快照 {header.Id} 没有方案 \"{scheme}\"。");

    internal DbDataReader Query(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteReader();
    }

    private bool HasSchema() =>
        _schemaReady || Long($"SELECT count(*) FROM information_schema.tables WHERE table_name = {Text(HeaderTable)}") > 0;

    private List<SnapshotHeader> ReadHeaders(string where)
    {
        // A store written by an earlier version lacks the stability columns: add them (only then, so readers do not write).
        if (!_schemaReady && Long($"SELECT count(*) FROM information_schema.columns WHERE table_name = {Text(HeaderTable)} AND column_name = 'stability'") == 0)
            EnsureSchema();
        var schemes = new Dictionary<long, List<SnapshotScheme>>();
        using (var reader = Query($"SELECT snapshot_id, scheme, version, plan_hash, segment_column, parameters_json, segments_json FROM {SchemesTable} ORDER BY snapshot_id, position"))
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!schemes.TryGetValue(id, out var list)) schemes[id] = list = [];
                list.Add(new SnapshotScheme(reader.GetString(1), Str(reader, 2), Str(reader, 3), Str(reader, 4),
                    SnapshotJson.ReadParameters(Str(reader, 5)), SnapshotJson.ReadSegments(Str(reader, 6))));
            }
        }
        var headers = new List<SnapshotHeader>();
        using var rows = Query($"SELECT snapshot_id, run_id, as_of, created_at, engine, kind, input_path, input_sha256, input_bytes, input_rows, customers, status, content_hash, frozen_from, stable_from, stability FROM {HeaderTable} {where}");
        while (rows.Read())
        {
            var id = rows.GetInt64(0);
            headers.Add(new SnapshotHeader(
                id, rows.GetString(1), rows.GetFieldValue<DateOnly>(2), DateTime.SpecifyKind(rows.GetDateTime(3), DateTimeKind.Utc),
                Str(rows, 4), Str(rows, 5),
                new InputFingerprint(Str(rows, 6), Str(rows, 7), rows.IsDBNull(8) ? 0 : rows.GetInt64(8), rows.IsDBNull(9) ? 0 : rows.GetInt64(9)),
                rows.IsDBNull(10) ? 0 : rows.GetInt64(10), rows.GetString(11), Str(rows, 12),
                rows.IsDBNull(13) ? null : rows.GetInt64(13),
                schemes.TryGetValue(id, out var s) ? s : [])
            {
                StableFrom = rows.IsDBNull(14) ? null : rows.GetInt64(14),
                Stability = Str(rows, 15),
            });
        }
        return headers;
    }

    private static string Str(DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
}
