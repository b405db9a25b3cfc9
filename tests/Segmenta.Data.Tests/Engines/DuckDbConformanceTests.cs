using DuckDB.NET.Data;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Tests.Engines;

/// <summary>The conformance suite on the embedded DuckDB engine (a second, independent run against the shared reference, plus the in-memory evaluator).</summary>
public sealed class DuckDbConformanceTests : EngineConformanceTests
{
    private protected override Task<ConformanceResult> RunOnEngineAsync(ConformanceCase c, DuckDBConnection local) =>
        ConformanceResult.RunAsync(new DuckDbEngine(local), c, local, () => Task.CompletedTask);
}
