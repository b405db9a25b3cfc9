namespace Segmenta.Data.Sql;

/// <summary>DuckDB SQL.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "duckdb";

    public override string TypeName(SqlType type) => type switch
    {
        SqlType.BigInt => "BIGINT",
        SqlType.Int => "INTEGER",
        SqlType.Double => "DOUBLE",
        SqlType.Money => "DECIMAL(18,4)",
        SqlType.Wide => "DECIMAL(38,6)",
        SqlType.Text => "VARCHAR",
        SqlType.Date => "DATE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public override string DaysBetween(string from, string to) => $"date_diff('day', {from}, {to})";

    public override string ArgMin(string value, string key) => $"arg_min({value}, {key})";

    public override string ArgMax(string value, string key) => $"arg_max({value}, {key})";

    public override bool HasMaterializedCte => true;

    /// <inheritdoc />
    public override bool ComparesIntegersWithIntegerBounds => true;
}
