using Segmenta.Data.Analysis;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Tests.Snapshots;

/// <summary>
/// The last run stays readable as the <c>customer_segments</c> view (features joined with the narrow assignments); the
/// snapshot takes the run's tables over (no copy) and the run's names become views over them, so deleting the snapshot
/// leaves the view as it is and a later run never writes a snapshot's rows.
/// </summary>
public sealed class SnapshotTakeOverTests
{
    [Fact]
    public async Task Snapshot_CopiesTheRunView_CurrentStaysAView_DeleteAndNextRunStillWork()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = Path.Combine(dir.Path, "s.duckdb");
        var request = new SegmentationRequest { Transactions = new ImportOptions { Path = input }, Database = db };
        var first = (await SegmentationRunner.RunAsync(request)).Snapshot!;
        using (var connection = DuckDbStore.Open(db))
        {
            Assert.True(DuckDbEngine.SegmentsIsView(connection));
            Assert.Equal(2357L, Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable}"));
            // Nothing was copied: the run's tables became the snapshot's, the run's names are views over them.
            Assert.True(DuckDbEngine.IsTable(connection, SnapshotStore.FeaturesTable(first.Id)));
            Assert.True(DuckDbEngine.IsTable(connection, SnapshotStore.SegmentsTableOf(first.Id)));
            Assert.True(DuckDbEngine.IsView(connection, SnapshotStore.CustomersTable(first.Id)));
            Assert.True(DuckDbEngine.IsView(connection, DuckDbEngine.FeaturesTable));
            Assert.True(DuckDbEngine.IsView(connection, DuckDbEngine.AssignmentsTable));
            // The view shows exactly the snapshot's rows.
            Assert.Equal(0L, Db.Long(connection, $"SELECT count(*) FROM (SELECT * FROM {DuckDbEngine.SegmentsTable} EXCEPT SELECT * FROM {SnapshotStore.CustomersTable(first.Id)})"));
            var store = new SnapshotStore(connection);
            Assert.Equal(first.ContentHash, store.ComputeContentHash(first.Id));
            var abc = store.Assignments(first.Id, "abc");
            Assert.Equal(2357, abc.Count);
            Assert.Equal(
                Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable} WHERE abc_class = 'A'"),
                abc.Values.Count(v => v == "A"));
            // Deleting the snapshot leaves the last run's view untouched.
            store.Delete(first.Id);
            Assert.True(DuckDbEngine.SegmentsIsView(connection));
            Assert.Equal(2357L, Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable}"));
            // … now over tables of the run's own again; the snapshot's tables are gone.
            Assert.True(DuckDbEngine.IsTable(connection, DuckDbEngine.FeaturesTable));
            Assert.True(DuckDbEngine.IsTable(connection, DuckDbEngine.AssignmentsTable));
            Assert.False(DuckDbEngine.IsTable(connection, SnapshotStore.FeaturesTable(first.Id)));
            Assert.False(DuckDbEngine.IsView(connection, SnapshotStore.CustomersTable(first.Id)));
        }
        var second = (await SegmentationRunner.RunAsync(request)).Snapshot!;
        var third = (await SegmentationRunner.RunAsync(request)).Snapshot!;
        Assert.Equal(second.ContentHash, third.ContentHash);
        Assert.Equal(first.ContentHash, second.ContentHash);
        using (var connection = DuckDbStore.Open(db))
        {
            var store = new SnapshotStore(connection);
            Assert.Equal(second.ContentHash, store.ComputeContentHash(second.Id));
            // One changed segment changes the hash (the snapshot's rows live in its own segments table).
            Db.Execute(connection, $"UPDATE {SnapshotStore.SegmentsTableOf(second.Id)} SET abc_class = 'C' WHERE customer_id = (SELECT min(customer_id) FROM {SnapshotStore.CustomersTable(second.Id)} WHERE abc_class = 'A')");
            Assert.NotEqual(second.ContentHash, store.ComputeContentHash(second.Id));
        }
    }

    [Fact]
    public async Task ClusterColumnAfterSnapshot_OwnsTheRunTable_SnapshotUnchanged()
    {
        using var dir = new TempDir();
        var (connection, snapshot) = await SnapshotRunAsync(dir);
        using var _ = connection;
        var engine = new DuckDbEngine(connection);
        var ids = Db.Rows(connection, $"SELECT customer_id FROM {DuckDbEngine.FeaturesTable} ORDER BY customer_id").Select(r => (string)r[0]!).ToList();
        var codes = ids.Select((_, i) => i % 2).ToArray();
        SegmentTable.WriteCodedColumns(engine, ids, codes, "cluster", ["c0", "c1"], ["Cluster 0", "Cluster 1"]);
        // The run's assignments became a table of their own with the new column; the snapshot's rows did not change.
        Assert.True(DuckDbEngine.IsTable(connection, DuckDbEngine.AssignmentsTable));
        Assert.Equal(2357L, Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable} WHERE cluster IN ('c0', 'c1')"));
        Assert.DoesNotContain("cluster", engine.TableColumns(SnapshotStore.CustomersTable(snapshot.Id)));
        Assert.Equal(snapshot.ContentHash, new SnapshotStore(connection).ComputeContentHash(snapshot.Id));
    }

    [Fact]
    public async Task FeaturesRebuiltAfterSnapshot_SegmentsViewStaysReadable_SnapshotUnchanged()
    {
        using var dir = new TempDir();
        var (connection, snapshot) = await SnapshotRunAsync(dir);
        using var _ = connection;
        // What fit / predict --db do: rebuild only the features (here as of an earlier day).
        await new DuckDbEngine(connection).BuildFeaturesAsync(new DateOnly(1997, 6, 30), CancellationToken.None);
        Assert.True(DuckDbEngine.IsTable(connection, DuckDbEngine.FeaturesTable));
        Assert.True(DuckDbEngine.IsView(connection, DuckDbEngine.AssignmentsTable));
        Assert.True(Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable}") > 0);
        Assert.Equal(2357L, Db.Long(connection, $"SELECT count(*) FROM {SnapshotStore.CustomersTable(snapshot.Id)}"));
        Assert.Equal(snapshot.ContentHash, new SnapshotStore(connection).ComputeContentHash(snapshot.Id));
    }

    /// <summary>One run with its snapshot on a store in <paramref name="dir"/>; the store opened afterwards.</summary>
    private static async Task<(DuckDB.NET.Data.DuckDBConnection Connection, SnapshotHeader Snapshot)> SnapshotRunAsync(TempDir dir)
    {
        var db = Path.Combine(dir.Path, "s.duckdb");
        var request = new SegmentationRequest { Transactions = new ImportOptions { Path = TestData.CdnowSampleCsv(dir.Path) }, Database = db };
        var snapshot = (await SegmentationRunner.RunAsync(request)).Snapshot!;
        return (DuckDbStore.Open(db), snapshot);
    }
}
