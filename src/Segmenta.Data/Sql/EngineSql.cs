using Segmenta.Core;
using Segmenta.Core.Schemes;

namespace Segmenta.Data.Sql;

/// <summary>
/// The engine queries besides features, written once for every dialect: the feature probe, histograms, the
/// layered plan SELECT and per-segment statistics.
/// </summary>
internal static class EngineSql
{
    /// <summary>
    /// One row: rows, last date, first date, rows with an order id, with a product id, with a cost (0 for a column the
    /// table lacks).
    /// </summary>
    public static string Probe(SqlDialect d, string transactions, IReadOnlyCollection<string> columns) =>
        $"SELECT {d.CountRows()}, max(order_date), min(order_date), "
        + (columns.Contains("order_id") ? d.CountIf("order_id IS NOT NULL") : "0") + ", "
        + (columns.Contains("product_id") ? d.CountIf("product_id IS NOT NULL") : "0") + ", "
        + (columns.Contains("cost") ? d.CountIf("cost IS NOT NULL") : "0")
        + " FROM " + transactions;

    /// <summary>One row: transactions up to and after the as-of date, first and last date up to it.</summary>
    public static string AsOfCounts(SqlDialect d, string transactions, DateOnly asOf)
    {
        var within = "order_date <= " + d.DateLiteral(asOf);
        return $"SELECT {d.CountIf(within)}, {d.CountIf("order_date > " + d.DateLiteral(asOf))}, {d.MinIf("order_date", within)}, {d.MaxIf("order_date", within)} FROM {transactions}";
    }

    /// <summary>
    /// Distinct values of a numeric column with their counts, ascending, nulls left out. Exact columns (integers,
    /// decimals) come back as DECIMAL(38,6); double columns come back as they are and are rounded to 6 decimals by
    /// <see cref="HistogramValue"/>, the same way for every engine.
    /// </summary>
    public static string Histogram(SqlDialect d, string table, string column, ColumnKind kind)
    {
        var q = d.QuoteIdentifier(column);
        var value = kind == ColumnKind.Double ? d.ToDouble(q) : d.Cast(q, SqlType.Wide);
        return $"SELECT {value} AS v, {d.CountRows()} AS n FROM {table} WHERE {q} IS NOT NULL GROUP BY v ORDER BY v";
    }

    /// <summary>
    /// A double histogram value as the exact decimal Core works with: the double's exact binary value rounded to 6
    /// decimals (.NET formats doubles exactly; a tie cannot occur, as no double lies exactly halfway between two
    /// multiples of 10⁻⁶). Done in .NET so the cut points do not depend on an engine's float-to-decimal cast.
    /// </summary>
    public static decimal HistogramValue(double value) =>
        decimal.Parse(value.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The histogram of ascending <paramref name="values"/> (as read from <see cref="Histogram"/>) with equal neighbours
    /// merged: distinct doubles can round to the same 6-decimal value (0.1428571… and 0.1428574…), and the rounding keeps
    /// the order, so equal values are adjacent.
    /// </summary>
    public static Core.Numerics.ValueHistogram HistogramOf(IReadOnlyList<decimal> values, IReadOnlyList<long> counts, long nulls)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(counts);
        var v = new List<decimal>(values.Count);
        var n = new List<long>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (v.Count > 0 && v[^1] == values[i]) n[^1] += counts[i];
            else
            {
                v.Add(values[i]);
                n.Add(counts[i]);
            }
        }
        return new Core.Numerics.ValueHistogram([.. v], [.. n], nulls);
    }

    /// <summary>Number of nulls of a column.</summary>
    public static string NullCount(SqlDialect d, string table, string column) =>
        $"SELECT {d.CountRows()} FROM {table} WHERE {d.QuoteIdentifier(column)} IS NULL";

    /// <summary>
    /// The SELECT computing every plan's derived columns over <paramref name="from"/>, one nested SELECT per layer
    /// (a layer may use the columns of the ones before it).
    /// </summary>
    public static string Plans(SqlDialect d, IReadOnlyList<SchemePlan> plans, IReadOnlyDictionary<string, ColumnKind> columns, string from)
    {
        var known = new Dictionary<string, ColumnKind>(columns, StringComparer.Ordinal);
        var depth = plans.Count == 0 ? 0 : plans.Max(p => p.Layers.Count);
        var source = from;
        for (var layer = 0; layer < depth; layer++)
        {
            var compiler = new ExprSqlCompiler(d, new Dictionary<string, ColumnKind>(known, StringComparer.Ordinal));
            var select = new List<string> { "*" };
            foreach (var plan in plans.Where(p => layer < p.Layers.Count))
            {
                foreach (var column in plan.Layers[layer])
                {
                    if (!known.TryAdd(column.Name, compiler.KindOf(column.Expression)))
                        throw new SegmentaInputException($"Scheme \"{plan.Scheme}\" writes column \"{column.Name}\", which already exists. Rename the scheme's output.");
                    select.Add(compiler.Compile(column.Expression) + " AS " + d.QuoteIdentifier(column.Name));
                }
            }
            source = $"(SELECT {string.Join(", ", select)} FROM {source}{d.LayerFence}) AS layer{layer}";
        }
        return $"SELECT * FROM {source}";
    }

    /// <summary>Per segment: key as text, customers, revenue, mean recency, mean orders, mean monetary; ordered by key.</summary>
    public static string SegmentStats(SqlDialect d, string table, string segmentColumn)
    {
        var q = d.QuoteIdentifier(segmentColumn);
        return $"SELECT {d.Cast(q, SqlType.Text)} AS seg, {d.CountRows()}, {d.Cast("sum(monetary_total)", SqlType.Wide)}, " +
               $"avg({d.ToDouble("recency_days")}), avg({d.ToDouble("orders")}), avg({d.ToDouble("monetary_total")}) " +
               $"FROM {table} GROUP BY seg ORDER BY seg";
    }
}
