using System.Globalization;
using System.Text;

namespace Segmenta.Data.Sql;

/// <summary>
/// ClickHouse SQL, written for the oldest server tested (18.16): no window functions or CTEs, <c>-If</c>
/// aggregate combinators instead of <c>FILTER</c>, <c>toX()</c> conversions that keep nulls, decimals only through
/// <c>toDecimalNN</c>, backslash escapes in strings, <c>ALL LEFT JOIN</c> (run with <c>join_use_nulls=1</c>), and
/// no three-valued null logic (see <see cref="SqlDialect.EmulatesNullLogic"/>).
/// </summary>
internal sealed class ClickHouseDialect : SqlDialect
{
    public static readonly ClickHouseDialect Instance = new();

    public override string Name => "clickhouse";

    public override string StringLiteral(string value)
    {
        // Backslash is an escape character in ClickHouse string literals.
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\\' or '\'') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    // A bare 1.5 is a Float64 in ClickHouse, which cannot be compared with a Decimal column: spell it as a decimal.
    public override string DecimalLiteral(decimal value) =>
        decimal.Truncate(value) == value && value is >= long.MinValue and <= long.MaxValue
            ? decimal.ToInt64(value).ToString(CultureInfo.InvariantCulture)
            : $"toDecimal128('{value.ToString(CultureInfo.InvariantCulture)}', {value.Scale.ToString(CultureInfo.InvariantCulture)})";

    public override string DoubleLiteral(double value) => "toFloat64(" + RoundTrip(value) + ")";

    public override string DateLiteral(DateOnly value) => "toDate('" + value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "')";

    public override string BooleanLiteral(bool value) => value ? "1" : "0";

    public override string TypeName(SqlType type) => type switch
    {
        SqlType.BigInt => "Int64",
        SqlType.Int => "Int32",
        SqlType.Double => "Float64",
        SqlType.Money => "Decimal(18, 4)",
        SqlType.Wide => "Decimal(38, 6)",
        SqlType.Text => "String",
        SqlType.Date => "Date",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    // CAST(NULL-able AS Int64) fails on a null; the toX functions return Nullable(X) for Nullable input.
    public override string Cast(string expr, SqlType type) => type switch
    {
        SqlType.BigInt => $"toInt64({expr})",
        SqlType.Int => $"toInt32({expr})",
        SqlType.Double => $"toFloat64({expr})",
        SqlType.Money => $"toDecimal64({expr}, 4)",
        SqlType.Wide => $"toDecimal128({expr}, 6)",
        SqlType.Text => $"toString({expr})",
        SqlType.Date => $"toDate({expr})",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    // toDecimal64(Float64, 4) truncates (12.34 becomes 12.3399): go through the shortest text of the rounded double.
    public override string MoneyFrom(string expr, ColumnKind kind) =>
        kind == ColumnKind.Double ? $"toDecimal64(toString(round({expr}, 4)), 4)" : Cast(expr, SqlType.Money);

    // Decimal64 × Decimal128 multiplies wrongly in 18.16 (12.5 × 0.3 = 37.5) and toDecimal64 truncates: widen the money to
    // Decimal128 first, then add half a unit of the 4th decimal away from zero before truncating.
    public override string MoneyTimes(string money, decimal factor)
    {
        var product = $"(toDecimal128({money}, 4) * {DecimalLiteral(factor)})";
        return $"toDecimal64({product} + if({product} >= 0, toDecimal128('0.00005', 5), toDecimal128('-0.00005', 5)), 4)";
    }

    public override string NullOf(SqlType type) => $"CAST(NULL AS Nullable({TypeName(type)}))";

    public override string CountRows() => "toInt64(count())";

    // countIf over a Nullable condition that is null on every row returns NULL, not 0: a null condition counts as false.
    public override string CountIf(string condition) => $"toInt64(countIf(ifNull({condition}, 0)))";

    public override string MinIf(string value, string condition) => $"minIf({value}, {condition})";

    public override string MaxIf(string value, string condition) => $"maxIf({value}, {condition})";

    // Over a Nullable argument whose values are all null, uniqExact returns NULL (SQL's count(DISTINCT) gives 0).
    public override string CountDistinct(string value) => $"toInt64(ifNull(uniqExact({value}), 0))";

    public override string DaysBetween(string from, string to) => $"toInt64(({to}) - ({from}))";

    public override string ArgMin(string value, string key) => $"argMin({value}, {key})";

    // argMax skips rows whose value is null, as DuckDB's arg_max does.
    public override string ArgMax(string value, string key) => $"argMax({value}, {key})";

    public override string Divide(string left, string right) => $"({ToDouble(left)} / nullIf({ToDouble(right)}, 0))";

    public override string LeftJoin => "ALL LEFT JOIN";

    public override bool EmulatesNullLogic => true;
}
