using DuckDB.NET.Data;
using Segmenta.Data.ClickHouse;
using Segmenta.Data.DuckDb;
using Segmenta.Tests.Shared;

namespace Segmenta.Data.Tests.Engines;

/// <summary>The conformance suite on the 2-shard ClickHouse cluster (started by scripts/test.sh), each test in its own database.</summary>
public sealed class ClickHouseConformanceTests : EngineConformanceTests
{
    private protected override async Task<ConformanceResult> RunOnEngineAsync(ConformanceCase c, DuckDBConnection local)
    {
        var database = TestServers.UniqueName();
        await using var engine = new ClickHouseEngine(ClickHouseSource.Parse(TestServers.ClickHouseIn(database)));
        try
        {
            await engine.OpenAsync(default);
            foreach (var table in c.Tables) await engine.CopyFromDuckDbAsync(local, table, default);
            return await ConformanceResult.RunAsync(engine, c, local, () => engine.CopySegmentsToDuckDbAsync(local, DuckDbEngine.SegmentsTable, default));
        }
        finally
        {
            await TestServers.DropClickHouseDatabaseAsync(database);
        }
    }
}
