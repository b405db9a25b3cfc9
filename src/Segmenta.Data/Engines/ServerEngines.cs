using Segmenta.Core;
using Segmenta.Data.ClickHouse;
using Segmenta.Data.Postgres;

namespace Segmenta.Data.Engines;

/// <summary>Creates the server engine a run asked for from its <c>--source</c> address.</summary>
public static class ServerEngines
{
    /// <summary>Parses an engine name (<c>duckdb</c>, <c>postgres</c>, <c>clickhouse</c>).</summary>
    public static EngineKind ParseKind(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "duckdb" => EngineKind.DuckDb,
        "postgres" or "postgresql" or "pg" => EngineKind.Postgres,
        "clickhouse" or "ch" => EngineKind.ClickHouse,
        _ => throw new SegmentaInputException($"--engine {name}: use duckdb, postgres or clickhouse."),
    };

    /// <summary>The engine for <paramref name="kind"/> at <paramref name="source"/> (not yet opened).</summary>
    public static IServerEngine Create(EngineKind kind, string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
            throw new SegmentaInputException($"--engine {kind.ToString().ToLowerInvariant()} needs --source: postgres://user@host:port/database or clickhouse://host:port,host:port.");
        return kind switch
        {
            EngineKind.Postgres => new PostgresEngine(PostgresSource.Parse(source)),
            EngineKind.ClickHouse => new ClickHouseEngine(ClickHouseSource.Parse(source)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "DuckDB is not a server engine."),
        };
    }
}
