namespace Segmenta.Data.Sql;

/// <summary>PostgreSQL SQL (tested on 15).</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string Name => "postgres";

    public override string TypeName(SqlType type) => type switch
    {
        SqlType.BigInt => "BIGINT",
        SqlType.Int => "INTEGER",
        SqlType.Double => "DOUBLE PRECISION",
        SqlType.Money => "NUMERIC(18,4)",
        SqlType.Wide => "NUMERIC(38,6)",
        SqlType.Text => "TEXT",
        SqlType.Date => "DATE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    // date - date is an integer number of days.
    public override string DaysBetween(string from, string to) => $"CAST(({to}) - ({from}) AS BIGINT)";

    // No arg_min/arg_max: the first element of the group's values ordered by the key.
    public override string ArgMin(string value, string key) => $"(array_agg({value} ORDER BY {key}))[1]";

    public override string ArgMax(string value, string key) => $"(array_agg({value} ORDER BY {key} DESC) FILTER (WHERE {value} IS NOT NULL))[1]";

    // The database's collation may be linguistic (en_US, zh_CN); "C" is byte order, as on the other engines.
    public override string MaxText(string value) => $"max({value} COLLATE \"C\")";

    // OFFSET 0 keeps PostgreSQL from flattening the layer subquery (an optimisation fence).
    public override string LayerFence => " OFFSET 0";

    public override string TextForOrdering(string expr) => $"({expr} COLLATE \"C\")";
}
