using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Tests.Snapshots;

/// <summary>The snapshot takes the run's table over without a copy; the last run stays readable as a view.</summary>
public sealed class SnapshotTakeOverTests
{
    [Fact]
    public async Task Snapshot_RenamesRunTable_CurrentIsViewOverIt_DeleteAndNextRunStillWork()
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
            // The view shows exactly the snapshot's rows.
            Assert.Equal(0L, Db.Long(connection, $"SELECT count(*) FROM (SELECT * FROM {DuckDbEngine.SegmentsTable} EXCEPT SELECT * FROM {SnapshotStore.CustomersTable(first.Id)})"));
            var store = new SnapshotStore(connection);
            Assert.Equal(first.ContentHash, store.ComputeContentHash(first.Id));
            var abc = store.Assignments(first.Id, "abc");
            Assert.Equal(2357, abc.Count);
            Assert.Equal(
                Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable} WHERE abc_class = 'A'"),
                abc.Values.Count(v => v == "A"));
            // Deleting the snapshot under the view gives the last run a table of its own.
            store.Delete(first.Id);
            Assert.False(DuckDbEngine.SegmentsIsView(connection));
            Assert.Equal(2357L, Db.Long(connection, $"SELECT count(*) FROM {DuckDbEngine.SegmentsTable}"));
        }
        var second = (await SegmentationRunner.RunAsync(request)).Snapshot!;
        var third = (await SegmentationRunner.RunAsync(request)).Snapshot!;
        Assert.Equal(second.ContentHash, third.ContentHash);
        Assert.Equal(first.ContentHash, second.ContentHash);
        using (var connection = DuckDbStore.Open(db))
        {
            var store = new SnapshotStore(connection);
            Assert.Equal(second.ContentHash, store.ComputeContentHash(second.Id));
            // One changed segment changes the hash.
            Db.Execute(connection, $"UPDATE {SnapshotStore.CustomersTable(second.Id)} SET abc_class = 'C' WHERE customer_id = (SELECT min(customer_id) FROM {SnapshotStore.CustomersTable(second.Id)} WHERE abc_class = 'A')");
            Assert.NotEqual(second.ContentHash, store.ComputeContentHash(second.Id));
        }
    }
}
