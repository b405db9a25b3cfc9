using Segmenta.Core.Pipelines;
using Segmenta.Core.Snapshots.Migration;
using Segmenta.Core.Synthetic;
using Segmenta.Data.ClickHouse;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Engines;
using Segmenta.Data.Import;
using Segmenta.Data.Postgres;
using Segmenta.Data.Snapshots;
using Segmenta.Data.Synthetic;
using Segmenta.Tests.Shared;

namespace Segmenta.Data.Tests.Engines;

/// <summary>
/// Snapshots written inside a server engine: the same assignments and content hash as a DuckDB snapshot of the same
/// data, migration computed in the engine equal to Core's in-memory comparison, and a save that fails between the data
/// tables and the header never listed, its orphans dropped by the next save.
/// </summary>
public abstract class ServerSnapshotTests
{
    private static readonly string[] KpiSchemes = ["rfm", "value_tier"];
    private static readonly DateOnly Earlier = new(2023, 3, 31), Later = new(2024, 12, 31);
    private static readonly Lazy<string> File = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("segmenta-server-snapshots-").FullName, "orders.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 3000, Seed = 5 }, path);
        return path;
    });

    /// <summary>A fresh engine in its own schema / database; the name is dropped by <see cref="DropAsync"/>.</summary>
    private protected abstract IServerEngine Create(string name);

    private protected abstract Task DropAsync(string name);

    private protected abstract ServerSnapshotStore FailingStore(IServerEngine engine, Func<Task> beforeHeader);

    private protected abstract bool Transactional { get; }

    [Fact]
    public async Task Snapshot_SameAsDuckDb_AndDiffInEngineEqualsInMemory()
    {
        await WithLoadedEngineAsync(async (engine, local) =>
        {
            // The DuckDB reference: the same run and a snapshot in the local store (after the engine got the transactions).
            var duck = await new SnapshotStoreRun(local).RunAsync(Later);
            var a = await SaveAsync(engine, Earlier);
            var b = await SaveAsync(engine, Later);
            Assert.Equal([a.Id, b.Id], (await engine.Snapshots.ListAsync()).Select(h => h.Id));
            Assert.Equal(engine.Name, b.Engine);

            // Same data, same plans: every customer in the same segment as in DuckDB's snapshot (diagonal matrix), and
            // the engine-independent content hash equals the one computed from DuckDB's rows.
            var store = new SnapshotStore(local);
            var rows = new List<(string, string, string?)>();
            foreach (var scheme in b.Schemes)
            {
                var reference = store.Assignments(duck.Id, scheme.Name);
                rows.AddRange(reference.Select(p => (p.Key, scheme.Name, (string?)p.Value)));
                var m = MigrationAnalysis.Compare(scheme.Name, reference, await engine.Snapshots.AssignmentsAsync(b.Id, scheme.Name));
                Assert.Equal(duck.Customers, m.Matrix.Total);
                Assert.Equal(m.Matrix.Total, m.Matrix.Stayed);
                Assert.Empty(m.OnlyBefore);
                Assert.Empty(m.OnlyAfter);
            }
            Assert.Equal(duck.Customers, b.Customers);
            Assert.Equal(ServerSnapshotStore.ContentHashOf(Later, duck.Customers, rows), b.ContentHash);
            Assert.Equal(b.ContentHash, await engine.Snapshots.ComputeContentHashAsync(b.Id));
            Assert.NotEqual(a.ContentHash, b.ContentHash);

            // Migration as a GROUP BY in the engine = Core's comparison of the full assignments.
            var diff = await engine.Snapshots.DiffAsync(a.Id, b.Id);
            Assert.Equal(b.Schemes.Select(s => s.Name), diff.Schemes.Select(s => s.Scheme));
            foreach (var m in diff.Schemes)
            {
                var expected = MigrationAnalysis.Compare(m.Scheme, await engine.Snapshots.AssignmentsAsync(a.Id, m.Scheme), await engine.Snapshots.AssignmentsAsync(b.Id, m.Scheme),
                    [.. b.Scheme(m.Scheme)!.Segments.Select(s => s.Key)]);
                Assert.Equal(expected.Matrix.Segments, m.Matrix.Segments);
                Assert.Equal(expected.Matrix.Counts.Select(r => r.ToArray()), m.Matrix.Counts.Select(r => r.ToArray()));
                Assert.Equal(expected.OnlyBefore.OrderBy(p => p.Key), m.OnlyBefore.OrderBy(p => p.Key));
                Assert.Equal(expected.OnlyAfter.OrderBy(p => p.Key), m.OnlyAfter.OrderBy(p => p.Key));
                Assert.Equal(expected.Movers.Count, m.MoversCount);
                Assert.Equal(expected.Movers.Take(100), m.Movers);
                Assert.Equal(expected.Flows, m.Flows);
            }
            var rfm = diff.Schemes.Single(s => s.Scheme == "rfm");
            Assert.True(rfm.MoversCount > 100, "the two as-of dates must move customers");
            Assert.NotEmpty(rfm.OnlyAfter);
        });
    }

    [Fact]
    public async Task FailedSave_NotListed_OrphansDroppedByNextSave()
    {
        await WithLoadedEngineAsync(async (engine, local) =>
        {
            var first = await SaveAsync(engine, Later);
            var result = await SegmentationPipeline.RunAsync(engine, new SegmentationOptions { AsOf = Later }, default);

            var failing = FailingStore(engine, () => throw new IOException("killed between the data and the header"));
            await Assert.ThrowsAsync<IOException>(() => failing.SaveAsync(Content(engine, result)));
            Assert.Equal([first.Id], (await engine.Snapshots.ListAsync()).Select(h => h.Id));
            Assert.Null(await engine.Snapshots.GetAsync(first.Id + 1));
            var orphans = new[] { ServerSnapshotStore.AssignmentsTable(first.Id + 1), ServerSnapshotStore.CustomersTable(first.Id + 1) };
            var tables = await engine.Snapshots.DataTablesAsync();
            if (Transactional) Assert.DoesNotContain(tables, orphans.Contains);
            else Assert.Equal(orphans, tables.Where(orphans.Contains));

            var next = await engine.Snapshots.SaveAsync(Content(engine, result));
            Assert.Equal([first.Id, next.Id], (await engine.Snapshots.ListAsync()).Select(h => h.Id));
            Assert.Equal(first.ContentHash, next.ContentHash);
            var expected = new[] { first.Id, next.Id }
                .SelectMany(id => new[] { ServerSnapshotStore.AssignmentsTable(id), ServerSnapshotStore.CustomersTable(id) }).Order(StringComparer.Ordinal);
            Assert.Equal(expected, await engine.Snapshots.DataTablesAsync());
            Assert.Empty(await engine.Snapshots.CleanOrphansAsync());
        });
    }

    [Fact]
    public async Task KpisInEngine_SameAsDuckDb_DeleteRemovesHeaderAndTables()
    {
        await WithLoadedEngineAsync(async (engine, local) =>
        {
            var duckStore = new SnapshotStore(local);
            var ids = new List<long>();
            foreach (var asOf in new[] { Earlier, Later })
            {
                // With CLV columns, so the mean CLV is exercised; DuckDB's snapshot of the same run is the reference.
                var options = new SegmentationOptions { AsOf = asOf, Clv = new ClvFeatureOptions() };
                var duck = await SegmentationPipeline.RunAsync(new DuckDbEngine(local), options, default);
                duckStore.Save(new SnapshotContent(duck.Features.AsOf, "duckdb", "segment", new InputFingerprint(File.Value, "", 0, 0), [.. duck.Schemes.Select(x => x.Plan)], DuckDbEngine.SegmentsTable));
                var result = await SegmentationPipeline.RunAsync(engine, options, default);
                ids.Add((await engine.Snapshots.SaveAsync(Content(engine, result))).Id);
            }
            foreach (var scheme in KpiSchemes)
                AssertSameKpis(SnapshotKpiLoader.Load(local, scheme), await engine.Snapshots.KpisAsync(scheme));

            await engine.Snapshots.DeleteAsync(ids[0]);
            Assert.Equal([ids[1]], (await engine.Snapshots.ListAsync()).Select(h => h.Id));
            Assert.Equal([ServerSnapshotStore.AssignmentsTable(ids[1]), ServerSnapshotStore.CustomersTable(ids[1])], await engine.Snapshots.DataTablesAsync());
            await Assert.ThrowsAsync<Core.SegmentaInputException>(() => engine.Snapshots.DeleteAsync(ids[0]));
            duckStore.Delete(duckStore.List()[0].Id);
            var after = await engine.Snapshots.KpisAsync("rfm");
            AssertSameKpis(SnapshotKpiLoader.Load(local, "rfm"), after);
            Assert.All(after, k => Assert.Null(k.Retention));
        });
    }

    private static void AssertSameKpis(IReadOnlyList<SegmentKpi> expected, IReadOnlyList<SegmentKpi> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.AsOf, e.Segment, e.Customers, e.Revenue, e.Retention), (a.AsOf, a.Segment, a.Customers, a.Revenue, a.Retention));
            Assert.NotNull(e.MeanClv);
            Assert.Equal(e.MeanClv!.Value, a.MeanClv!.Value, 1e-9 * Math.Max(1, Math.Abs(e.MeanClv.Value)));
        }
    }

    /// <summary>Runs <paramref name="test"/> on a fresh engine loaded with the synthetic file (and on the DuckDB it was imported into), then drops the engine's schema / database.</summary>
    private async Task WithLoadedEngineAsync(Func<IServerEngine, DuckDB.NET.Data.DuckDBConnection, Task> test)
    {
        using var local = DuckDbStore.Open(":memory:");
        Importer.Import(local, new ImportOptions { Path = File.Value });
        var name = TestServers.UniqueName();
        await using var engine = Create(name);
        try
        {
            await engine.OpenAsync(default);
            await engine.CopyFromDuckDbAsync(local, DuckDbEngine.TransactionsTable, default);
            await test(engine, local);
        }
        finally
        {
            await DropAsync(name);
        }
    }

    private static async Task<SnapshotHeader> SaveAsync(IServerEngine engine, DateOnly asOf)
    {
        var result = await SegmentationPipeline.RunAsync(engine, new SegmentationOptions { AsOf = asOf }, default);
        return await engine.Snapshots.SaveAsync(Content(engine, result));
    }

    private static SnapshotContent Content(IServerEngine engine, SegmentationResult result) => new(
        result.Features.AsOf, engine.Name, "segment", new InputFingerprint(File.Value, "", 0, 0),
        [.. result.Schemes.Select(s => s.Plan)], DuckDbEngine.SegmentsTable);

    /// <summary>The DuckDB reference: the same run and a snapshot in the local store.</summary>
    private sealed class SnapshotStoreRun(DuckDB.NET.Data.DuckDBConnection connection)
    {
        public async Task<SnapshotHeader> RunAsync(DateOnly asOf)
        {
            var engine = new DuckDbEngine(connection);
            var result = await SegmentationPipeline.RunAsync(engine, new SegmentationOptions { AsOf = asOf }, default);
            return new SnapshotStore(connection).Save(new SnapshotContent(
                result.Features.AsOf, engine.Name, "segment", new InputFingerprint(File.Value, "", 0, 0), [.. result.Schemes.Select(s => s.Plan)], DuckDbEngine.SegmentsTable));
        }
    }
}

/// <summary>Server snapshots on PostgreSQL: one transaction, so a failed save leaves nothing.</summary>
public sealed class PostgresSnapshotTests : ServerSnapshotTests
{
    private protected override bool Transactional => true;

    private protected override IServerEngine Create(string name) => new PostgresEngine(PostgresSource.Parse(TestServers.PostgresIn(name)));

    private protected override ServerSnapshotStore FailingStore(IServerEngine engine, Func<Task> beforeHeader) => ((PostgresEngine)engine).SnapshotsWith(beforeHeader);

    private protected override async Task DropAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresSource.Parse(TestServers.Postgres).ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {name} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Server snapshots on the 2-shard ClickHouse cluster: data first, header last, orphans cleaned.</summary>
public sealed class ClickHouseSnapshotTests : ServerSnapshotTests
{
    private protected override bool Transactional => false;

    private protected override IServerEngine Create(string name) => new ClickHouseEngine(ClickHouseSource.Parse(TestServers.ClickHouseIn(name)));

    private protected override ServerSnapshotStore FailingStore(IServerEngine engine, Func<Task> beforeHeader) => ((ClickHouseEngine)engine).SnapshotsWith(beforeHeader);

    private protected override Task DropAsync(string name) => TestServers.DropClickHouseDatabaseAsync(name);
}
