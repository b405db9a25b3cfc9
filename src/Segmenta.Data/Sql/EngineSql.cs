using Segmenta.Core;
using Segmenta.Core.Customers;
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
    /// decimals (as .NET's "F6" formats it: exactly, an exact half to the even digit). Done in .NET so the cut points do not depend on an engine's float-to-decimal cast.
    /// </summary>
    public static decimal HistogramValue(double value)
    {
        // Fast exact path: a finite double is m·2^e with m < 2^53; v·10⁶ = m·10⁶·2^e and m·10⁶ < 2^73 fits in a
        // UInt128, so the value rounded to 6 decimals is (m·10⁶) >> −e, rounded as "F6" rounds (an exact half, as in
        // 18351082465774.8828125, goes to the even digit). Millions of distinct doubles (clv_12m) made the text round trip the
        // slowest part of planning.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        if (exponentBits is > 0 and < 0x7FF)
        {
            var mantissa = (ulong)(bits & 0xF_FFFF_FFFF_FFFFL) | (1UL << 52);
            var shift = 1075 - exponentBits;   // value = mantissa · 2^−shift
            if (shift > 0)
            {
                if (shift >= 127) return new decimal(0, 0, 0, bits < 0, 6);
                var scaled = (UInt128)mantissa * 1_000_000u;
                var q = scaled >> shift;
                var dropped = scaled & (((UInt128)1 << shift) - 1);
                var half = (UInt128)1 << (shift - 1);
                if (dropped > half || (dropped == half && (q & 1) == 1)) q++;   // as "F6" formats: half to even
                if (q < ((UInt128)1 << 96))
                {
                    return new decimal((int)(uint)q, (int)(uint)(q >> 32), (int)(uint)(q >> 64), bits < 0, 6);
                }
            }
        }
        return decimal.Parse(value.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
    }

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
    /// <param name="d">The dialect.</param>
    /// <param name="plans">The plans, in order.</param>
    /// <param name="columns">The columns of <paramref name="from"/> with their kinds.</param>
    /// <param name="from">The feature table.</param>
    /// <param name="derivedOnly">
    /// When true the result holds <c>customer_id</c> and the derived columns only (the engine's projection pushdown then
    /// reads just the features the rules use); otherwise every column of <paramref name="from"/> too.
    /// </param>
    /// <param name="enums">
    /// With <paramref name="derivedOnly"/>: write each text column whose values are known in advance (a CASE of literal
    /// keys, or of such columns) as an ENUM of those values (DuckDB): one byte per customer instead of a string, so the
    /// table is written and grouped far faster. The CASE yields the ENUM directly (its results are ENUM constants), so
    /// no string is built per customer. Readers see text (CAST to VARCHAR, comparisons with literals).
    /// </param>
    /// <param name="carry">With <paramref name="derivedOnly"/>: columns of <paramref name="from"/> to copy as well.</param>
    public static string Plans(SqlDialect d, IReadOnlyList<SchemePlan> plans, IReadOnlyDictionary<string, ColumnKind> columns, string from, bool derivedOnly = false, bool enums = false, IReadOnlyList<string>? carry = null)
    {
        var derived = (carry ?? []).Select(d.QuoteIdentifier).ToList();
        var valueSets = new Dictionary<string, SortedSet<string>?>(StringComparer.Ordinal);
        var enumTypes = new Dictionary<string, string>(StringComparer.Ordinal);
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
                    var values = enums ? PossibleTexts(column.Expression, valueSets) : null;
                    valueSets[column.Name] = values;
                    var quoted = d.QuoteIdentifier(column.Name);
                    if (values is { Count: > 0 })
                    {
                        var type = $"ENUM({string.Join(", ", values.Select(d.StringLiteral))})";
                        enumTypes[column.Name] = type;
                        select.Add(EnumValue(d, compiler, column.Expression, type, enumTypes) + " AS " + quoted);
                    }
                    else
                    {
                        select.Add(compiler.Compile(column.Expression) + " AS " + quoted);
                    }
                    derived.Add(quoted);
                }
            }
            source = $"(SELECT {string.Join(", ", select)} FROM {source}{d.LayerFence}) AS layer{layer}";
        }
        return derivedOnly ? $"SELECT customer_id{string.Concat(derived.Select(c => ", " + c))} FROM {source}" : $"SELECT * FROM {source}";
    }

    /// <summary>
    /// <paramref name="expr"/> (a shape <see cref="PossibleTexts"/> knows the values of) as a value of the ENUM
    /// <paramref name="type"/>: literals become ENUM constants, an ENUM column of another type is cast.
    /// </summary>
    private static string EnumValue(SqlDialect d, ExprSqlCompiler compiler, Core.Schemes.Expressions.Expr expr, string type, IReadOnlyDictionary<string, string> enumTypes) => expr switch
    {
        Core.Schemes.Expressions.Literal { Value: string text } => $"CAST({d.StringLiteral(text)} AS {type})",
        Core.Schemes.Expressions.Literal { Value: null } => $"CAST(NULL AS {type})",
        Core.Schemes.Expressions.ColumnRef c when enumTypes.TryGetValue(c.Name, out var own) && own == type => d.QuoteIdentifier(c.Name),
        Core.Schemes.Expressions.ColumnRef c => $"CAST({d.QuoteIdentifier(c.Name)} AS {type})",
        Core.Schemes.Expressions.CaseWhen cw => compiler.Case(cw, e => EnumValue(d, compiler, e, type, enumTypes)),
        _ => throw new InvalidOperationException($"No ENUM form for {expr.GetType().Name}."),
    };

    /// <summary>
    /// Every text value <paramref name="expr"/> can take (null aside), or null when not known in advance: string
    /// literals, CASE over such values, and columns whose value set is already known.
    /// </summary>
    private static SortedSet<string>? PossibleTexts(Core.Schemes.Expressions.Expr expr, IReadOnlyDictionary<string, SortedSet<string>?> known)
    {
        switch (expr)
        {
            case Core.Schemes.Expressions.Literal { Value: string text }:
                return new SortedSet<string>(StringComparer.Ordinal) { text };
            case Core.Schemes.Expressions.Literal { Value: null }:
                return new SortedSet<string>(StringComparer.Ordinal);
            case Core.Schemes.Expressions.ColumnRef c:
                return known.TryGetValue(c.Name, out var set) && set is not null ? new SortedSet<string>(set, StringComparer.Ordinal) : null;
            case Core.Schemes.Expressions.CaseWhen cw:
                var all = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var branch in cw.Branches.Select(b => b.Then).Append(cw.Else))
                {
                    if (PossibleTexts(branch, known) is not { } values) return null;
                    all.UnionWith(values);
                }
                return all;
            default:
                return null;
        }
    }

    /// <summary>The feature columns <see cref="SegmentStats"/> and <see cref="AllSegmentStats"/> read besides the segment.</summary>
    public static readonly IReadOnlyList<string> StatsMeasures = [FeatureNames.MonetaryTotal, FeatureNames.RecencyDays, FeatureNames.Orders];

    /// <summary>
    /// <see cref="SegmentStats"/> for several segment columns in one grouped pass: the customers are first grouped by
    /// every segment column at once (one hash table; the combinations are few), then GROUPING SETS, one set per column,
    /// add those cells up. Per row the 0-based index of the column, then the same columns as <see cref="SegmentStats"/>
    /// (means as exact sums over non-null counts). A null segment is its own group; GROUPING() tells it apart from the
    /// rolled-up columns of the other sets.
    /// </summary>
    public static string AllSegmentStats(SqlDialect d, string table, IReadOnlyList<string> segmentColumns)
    {
        var keys = segmentColumns.Select((c, i) => $"{d.QuoteIdentifier(c)} AS s{i}").ToList();
        var which = string.Join(" ", segmentColumns.Select((_, i) => $"WHEN grouping(s{i}) = 0 THEN {i}"));
        var key = string.Join(" ", segmentColumns.Select((_, i) => $"WHEN grouping(s{i}) = 0 THEN {d.Cast($"s{i}", SqlType.Text)}"));
        var sets = string.Join(", ", segmentColumns.Select((_, i) => $"(s{i})"));
        var cells = $"SELECT {string.Join(", ", keys)}, {d.CountRows()} AS n, sum(monetary_total) AS m_sum, count(monetary_total) AS m_n, " +
                    "sum(recency_days) AS r_sum, count(recency_days) AS r_n, sum(orders) AS o_sum, count(orders) AS o_n " +
                    $"FROM {table} GROUP BY {string.Join(", ", segmentColumns.Select((_, i) => $"s{i}"))}";
        static string Mean(SqlDialect d, string sum, string count) => $"{d.ToDouble($"sum({sum})")} / NULLIF(sum({count}), 0)";
        return $"SELECT CAST(CASE {which} END AS INTEGER), CASE {key} END, CAST(sum(n) AS BIGINT), {d.Cast("sum(m_sum)", SqlType.Wide)}, " +
               $"{Mean(d, "r_sum", "r_n")}, {Mean(d, "o_sum", "o_n")}, {Mean(d, "m_sum", "m_n")} " +
               $"FROM ({cells}) AS cells GROUP BY GROUPING SETS ({sets})";
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
