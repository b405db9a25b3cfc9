using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Customers;

/// <summary>
/// One page of the per-customer segment table (<c>customer_segments</c>), filtered by segment columns and feature
/// ranges and sorted by any column. Column names are checked against the table's own columns (an unknown name is an
/// input error with "did you mean"), values travel as parameters: user text is never concatenated into SQL.
/// </summary>
public sealed record CustomerQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Equality filters: column → value (e.g. <c>rfm_segment → champions</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SegmentFilters { get; init; } = [];

    /// <summary>Range filters on numeric columns: column, inclusive minimum and maximum (either may be null).</summary>
    public IReadOnlyList<(string Column, double? Min, double? Max)> Ranges { get; init; } = [];

    /// <summary>Customer id prefix to search for.</summary>
    public string? IdPrefix { get; init; }

    /// <summary>Sort column; default <c>customer_id</c>.</summary>
    public string Sort { get; init; } = "customer_id";

    /// <summary>Descending order.</summary>
    public bool Descending { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page (1–<see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>Runs the query on the store's segment table.</summary>
    /// <param name="connection">An open store connection.</param>
    /// <param name="columns">The segment table's columns when the caller has them cached; null reads them.</param>
    /// <param name="pages">
    /// Query-ready page tables of the same segment table, or null. A query with exactly one segment filter, sorted by
    /// customer id (either direction), without ranges or id prefix is answered from them (a range read instead of a
    /// scan); anything else, or a query they cannot serve, runs the plain query. The answers are the same.
    /// </param>
    /// <exception cref="SegmentaInputException">No run yet, an unknown column, or a page out of range.</exception>
    public CustomerPage Run(DuckDBConnection connection, IReadOnlyList<string>? columns = null, SegmentPages? pages = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Page < 1 || PageSize < 1 || PageSize > MaxPageSize)
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture, $"page {Page}, pageSize {PageSize}: use page ≥ 1 and pageSize 1–{MaxPageSize}. / 页码须 ≥ 1，每页 1–{MaxPageSize} 行。"));
        var table = DuckDbEngine.SegmentsTable;
        columns ??= new DuckDbEngine(connection).TableColumns(table);
        if (columns.Count == 0)
            throw new SegmentaInputException("no segmentation has run on this store yet: run one first. / 该数据库还没有分群结果，请先运行一次分群。");
        var known = new HashSet<string>(columns, StringComparer.Ordinal);
        string Column(string name, string what) => known.Contains(name)
            ? "\"" + name + "\""
            : throw new SegmentaInputException($"{what} \"{name}\" is not a column of {table}{Suggest(name, columns)}. / 列 \"{name}\" 不存在。");

        if (pages is not null && SegmentFilters.Count == 1 && Ranges.Count == 0 && string.IsNullOrEmpty(IdPrefix) && Sort == "customer_id"
            && known.Contains(SegmentFilters[0].Key)
            && pages.TryRead(connection, SegmentFilters[0].Key, SegmentFilters[0].Value, Descending, Page, PageSize, out var fast))
            return fast!;

        var where = new List<string>();
        var args = new List<object>();
        foreach (var (name, value) in SegmentFilters)
        {
            where.Add($"CAST({Column(name, "filter")} AS VARCHAR) = ?");
            args.Add(value);
        }
        foreach (var (name, min, max) in Ranges)
        {
            var col = Column(name, "range");
            if (min is { } lo) { where.Add($"{col} >= ?"); args.Add(lo); }
            if (max is { } hi) { where.Add($"{col} <= ?"); args.Add(hi); }
        }
        if (!string.IsNullOrEmpty(IdPrefix))
        {
            where.Add("starts_with(CAST(customer_id AS VARCHAR), ?)");
            args.Add(IdPrefix);
        }
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var order = Column(Sort, "sort") + (Descending ? " DESC" : " ASC") + (Sort == "customer_id" ? "" : ", customer_id");
        var total = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {table}{filter}", args), CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        using (var cmd = Command(connection, $"SELECT * FROM {table}{filter} ORDER BY {order} NULLS LAST LIMIT ? OFFSET ?", [.. args, PageSize, (long)(Page - 1) * PageSize]))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
        }
        return new CustomerPage(total, Page, PageSize, rows);
    }

    /// <summary>One customer's row of the segment table, or null.</summary>
    public static IReadOnlyDictionary<string, object?>? One(DuckDBConnection connection, string customerId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!new DuckDbEngine(connection).TableExists(DuckDbEngine.SegmentsTable)) return null;
        using var cmd = Command(connection, $"SELECT * FROM {DuckDbEngine.SegmentsTable} WHERE CAST(customer_id AS VARCHAR) = ?", [customerId]);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read()) return null;
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return row;
    }

    private static object? Scalar(DuckDBConnection connection, string sql, List<object> args)
    {
        using var cmd = Command(connection, sql, args);
        return cmd.ExecuteScalar();
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, IEnumerable<object> args)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Identifiers are checked against the table's columns; values are parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var a in args) cmd.Parameters.Add(new DuckDBParameter(a));
        return cmd;
    }

    private static string Suggest(string name, IReadOnlyList<string> columns)
    {
        var best = columns.MinBy(c => Distance(c, name));
        return best is not null && Distance(best, name) <= 3 ? $" (did you mean \"{best}\"?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var prev = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length];
    }
}

/// <summary>One page of customers.</summary>
/// <param name="Total">Customers matching the filters.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Rows">The rows: column → value.</param>
public sealed record CustomerPage(long Total, int Page, int PageSize, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);
