using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Customers;

/// <summary>
/// Query-ready copies of the segment table for fast cold pages of "customers of segment S, sorted by id".
/// For each segment column, one table <c>segmenta_pages_TAG_N</c> holds every row of <c>customer_segments</c> ordered by
/// (segment as text, customer_id) with its position <c>__segmenta_pos</c> (0-based, dense); the start position and
/// row count of each segment are kept in memory. A page is then the position range
/// <c>start + (page-1)·size … start + page·size - 1</c>: DuckDB skips every row group whose min/max position lies
/// outside (zone maps), so a page costs one row group's worth of reading instead of a scan and a sort of the whole
/// table. Queries with feature ranges, an id prefix, several segment filters or another sort order are not served
/// here (they stay scans in <see cref="CustomerQuery"/>).
/// </summary>
public sealed class SegmentPages
{
    /// <summary>Every page table's name starts with this.</summary>
    public const string TablePrefix = "segmenta_pages_";

    private const string Position = "__segmenta_pos";

    private readonly Dictionary<string, (string Table, Dictionary<string, (long Start, long Count)> Segments)> _columns;
    private readonly string _projection;

    private SegmentPages(string tag, string projection, bool nullIds, Dictionary<string, (string, Dictionary<string, (long, long)>)> columns)
    {
        Tag = tag;
        _projection = projection;
        HasNullIds = nullIds;
        _columns = columns;
    }

    /// <summary>The tag the tables were built under (the server uses the run id).</summary>
    public string Tag { get; }

    /// <summary>The segment columns served.</summary>
    public IReadOnlyCollection<string> Columns => _columns.Keys;

    /// <summary>Whether some customer id is null (then descending order is not served: NULLS LAST both ways).</summary>
    public bool HasNullIds { get; }

    /// <summary>
    /// Builds one page table per segment column (replacing tables of the same tag) and reads each segment's range.
    /// Costs about one sorted copy of the segment table per column (≈ 8 s for 3M customers × 32 columns on one core).
    /// </summary>
    /// <param name="connection">An open store connection.</param>
    /// <param name="tag">Letters, digits and underscores (e.g. the run id); names the tables.</param>
    /// <param name="segmentColumns">Segment columns of <c>customer_segments</c> to serve; unknown ones are skipped.</param>
    /// <param name="cancellationToken">Checked between columns.</param>
    public static SegmentPages Build(DuckDBConnection connection, string tag, IEnumerable<string> segmentColumns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(segmentColumns);
        if (tag.Length == 0 || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException("tag: letters, digits and underscores only", nameof(tag));
        var engine = new DuckDbEngine(connection);
        var source = DuckDbEngine.SegmentsTable;
        var columns = engine.TableColumns(source);
        var known = columns.ToHashSet(StringComparer.Ordinal);
        var projection = string.Join(", ", columns.Select(StoreRows.Quote));
        var nullIds = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {source} WHERE customer_id IS NULL"), CultureInfo.InvariantCulture) > 0;
        var served = new Dictionary<string, (string, Dictionary<string, (long, long)>)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var column in segmentColumns.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!known.Contains(column)) continue;
            var table = TablePrefix + tag + "_" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            var seg = $"CAST({StoreRows.Quote(column)} AS VARCHAR)";
            // The same order as CustomerQuery's plain query (ORDER BY customer_id ASC NULLS LAST) within each segment.
            Execute(connection, $"CREATE OR REPLACE TABLE {table} AS SELECT {projection}, row_number() OVER (ORDER BY {seg} NULLS LAST, customer_id ASC NULLS LAST) - 1 AS {Position} FROM {source} ORDER BY {Position}");
            var segments = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT {seg}, min({Position}), count(*) FROM {table} WHERE {seg} IS NOT NULL GROUP BY 1";
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) segments[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
            }
            served[column] = (table, segments);
        }
        return new SegmentPages(tag, projection, nullIds, served);
    }

    /// <summary>Drops every page table except those of <paramref name="keepTag"/>.</summary>
    public static void DropAll(DuckDBConnection connection, string? keepTag = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, ?)";
            cmd.Parameters.Add(new DuckDBParameter(TablePrefix));
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var t in tables)
        {
            if (keepTag is not null && t.StartsWith(TablePrefix + keepTag + "_", StringComparison.Ordinal)) continue;
            if (!t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) continue; // not one of ours
            Execute(connection, "DROP TABLE IF EXISTS " + t);
        }
    }

    /// <summary>
    /// One page of the customers whose <paramref name="column"/> (as text) equals <paramref name="segment"/>, sorted
    /// by customer id; false when this query is not served here (unknown column, descending order with null ids) or
    /// the table is gone (a newer run dropped it), and the caller falls back to the plain query.
    /// </summary>
    public bool TryRead(DuckDBConnection connection, string column, string segment, bool descending, int page, int pageSize, out CustomerPage? result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        result = null;
        if (!_columns.TryGetValue(column, out var served) || (descending && HasNullIds) || page < 1 || pageSize < 1) return false;
        var (start, count) = served.Segments.TryGetValue(segment, out var range) ? range : (0L, 0L);
        var skip = (long)(page - 1) * pageSize;
        var take = Math.Max(0, Math.Min(pageSize, count - skip));
        var rows = new List<IReadOnlyDictionary<string, object?>>(take > 0 ? (int)take : 0);
        if (take > 0)
        {
            // Positions are ours (longs), not user text: written as literals, which lets DuckDB prune row groups at plan time.
            var lo = descending ? start + count - skip - take : start + skip;
            var hi = lo + take - 1;
            var sql = new StringBuilder().Append(CultureInfo.InvariantCulture,
                $"SELECT {_projection}, {Position} FROM {served.Table} WHERE {Position} BETWEEN {lo} AND {hi}").ToString();
            var read = new List<(long Pos, Dictionary<string, object?> Row)>((int)take);
            try
            {
                using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Table and column names are ours, checked at build; the positions are numbers we computed.
                cmd.CommandText = sql;
#pragma warning restore CA2100
                using var reader = cmd.ExecuteReader();
                var last = reader.FieldCount - 1;
                while (reader.Read())
                {
                    var row = new Dictionary<string, object?>(last, StringComparer.Ordinal);
                    for (var i = 0; i < last; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    read.Add((reader.GetInt64(last), row));
                }
            }
            catch (DuckDBException)
            {
                return false; // the table was dropped by a newer build: the caller answers with the plain query
            }
            read.Sort((a, b) => descending ? b.Pos.CompareTo(a.Pos) : a.Pos.CompareTo(b.Pos));
            rows.AddRange(read.Select(r => r.Row));
        }
        result = new CustomerPage(count, page, pageSize, rows);
        return true;
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Our SQL: table and quoted column names only.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        return cmd.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Our SQL: table and quoted column names only.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.ExecuteNonQuery();
    }
}
