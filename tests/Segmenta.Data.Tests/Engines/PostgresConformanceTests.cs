using DuckDB.NET.Data;
using Npgsql;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Postgres;
using Segmenta.Tests.Shared;

namespace Segmenta.Data.Tests.Engines;

/// <summary>The conformance suite on PostgreSQL (the server scripts/test.sh starts), each test in its own schema.</summary>
public sealed class PostgresConformanceTests : EngineConformanceTests
{
    private protected override async Task<ConformanceResult> RunOnEngineAsync(ConformanceCase c, DuckDBConnection local)
    {
        var schema = TestServers.UniqueName();
        var source = PostgresSource.Parse(TestServers.PostgresIn(schema));
        await using var engine = new PostgresEngine(source);
        try
        {
            await engine.OpenAsync(default);
            foreach (var table in c.Tables) await engine.CopyFromDuckDbAsync(local, table, default);
            return await ConformanceResult.RunAsync(engine, c, local, () => engine.CopySegmentsToDuckDbAsync(local, DuckDbEngine.SegmentsTable, default));
        }
        finally
        {
            await using var connection = new NpgsqlConnection(source.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
