namespace Segmenta.Data.Sql;

/// <summary>DuckDB SQL.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "duckdb";

    public override string DaysBetween(string from, string to) => $"date_diff('day', {from}, {to})";

    public override string ArgMin(string value, string key) => $"arg_min({value}, {key})";

    public override string ArgMax(string value, string key) => $"arg_max({value}, {key})";
}
