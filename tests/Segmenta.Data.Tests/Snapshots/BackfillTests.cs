using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Tests.Snapshots;

/// <summary>
/// Issue 6 acceptance: CDNOW monthly backfill; every transition matrix's counts sum to the customers in both snapshots.
/// Runs on the CDNOW 1/10 sample (2,357 customers) to keep the suite fast; the full file is measured in docs/snapshots.md.
/// </summary>
public sealed class BackfillTests
{
    [Fact]
    public async Task Backfill_CdnowMonthly_TransitionCountsSumToCustomersInBothSnapshots()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = Path.Combine(dir.Path, "store.duckdb");
        var result = await Backfill.RunAsync(new BackfillRequest
        {
            Transactions = new ImportOptions { Path = input },
            Database = db,
            From = new DateOnly(1996, 12, 1),
            To = new DateOnly(1998, 6, 1),
            Every = BackfillEvery.Month,
        });
        Assert.Equal([new DateOnly(1996, 12, 31)], result.Skipped);   // before the first purchase
        Assert.Equal(18, result.Snapshots.Count);
        Assert.Equal(new DateOnly(1997, 1, 31), result.Snapshots[0].AsOf);
        Assert.Equal(new DateOnly(1998, 6, 30), result.Snapshots[^1].AsOf);
        Assert.Equal(2_357, result.Snapshots[^1].Customers);

        using var connection = DuckDbStore.Open(db);
        var store = new SnapshotStore(connection);
        for (var k = 0; k < result.Snapshots.Count; k++)
        {
            var h = result.Snapshots[k];
            // Features as of the period end: no purchase after it, and the customers are exactly those who bought by then.
            Assert.Equal(h.Customers, Scalar(connection, $"SELECT count(DISTINCT customer_id) FROM transactions WHERE order_date <= DATE '{h.AsOf:yyyy-MM-dd}'"));
            Assert.True(Scalar(connection, $"SELECT count(*) FROM {SnapshotStore.CustomersTable(h.Id)} WHERE last_purchase > DATE '{h.AsOf:yyyy-MM-dd}'") == 0);
            if (k == 0) continue;
            var a = result.Snapshots[k - 1];
            var inBoth = Scalar(connection, $"SELECT count(*) FROM {SnapshotStore.CustomersTable(a.Id)} x JOIN {SnapshotStore.CustomersTable(h.Id)} y USING (customer_id)");
            var diff = SnapshotComparer.Diff(connection, a.Id, h.Id);
            Assert.Equal(4, diff.Schemes.Count);
            foreach (var m in diff.Schemes)
            {
                Assert.Equal(inBoth, m.Matrix.Total);
                Assert.Equal(inBoth, m.Flows.Sum(f => f.Value));
                Assert.Equal(h.Customers - inBoth, m.OnlyAfter.Values.Sum());
                Assert.Equal(m.Matrix.Total - m.Matrix.Stayed, m.Movers.Count);
            }
        }
        Assert.Equal(18, store.List().Count);
    }

    private static long Scalar(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
