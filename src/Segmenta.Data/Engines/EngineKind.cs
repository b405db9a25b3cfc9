namespace Segmenta.Data.Engines;

/// <summary>The SQL engine a run uses.</summary>
public enum EngineKind
{
    /// <summary>Embedded DuckDB (default): a single <c>.duckdb</c> file, nothing to install.</summary>
    DuckDb,
    /// <summary>A PostgreSQL server (Npgsql).</summary>
    Postgres,
    /// <summary>A ClickHouse cluster: MergeTree tables per shard under Distributed tables, over HTTP.</summary>
    ClickHouse,
}
