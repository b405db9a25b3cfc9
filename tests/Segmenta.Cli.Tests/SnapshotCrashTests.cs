using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Synthetic;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Snapshots;
using Segmenta.Data.Synthetic;

namespace Segmenta.Cli.Tests;

/// <summary>
/// SIGKILL the real CLI at each point of a snapshot write (via SEGMENTA_TEST_PAUSE_AT), restart, and check that every
/// earlier snapshot reads back identical and no partial snapshot is listed (issue 6 acceptance; issue 10 item 4).
/// </summary>
public sealed class SnapshotCrashTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] KillPoints =
        ["snapshot:begin", "snapshot:after-customers", "snapshot:after-assignments", "snapshot:before-header", "snapshot:before-commit"];

    [Fact]
    public async Task Segment_KilledDuringSnapshotWrite_EarlierSnapshotsIntactAndNoPartialOneListed()
    {
        using var dir = new TempDir();
        var input = Generate(dir, 8_000);
        var db = dir.File("store.duckdb");
        string[] Args(string asOf) => ["segment", "--input", input, "--db", db, "--out", dir.File("out"), "--format", "csv", "--as-of", asOf];

        Assert.Equal(0, await RunToEndAsync(Args("2024-06-30")));
        Assert.Equal(0, await RunToEndAsync(Args("2024-09-30")));
        var before = ReadState(db);
        Assert.Equal([1L, 2L], before.Keys.Order());

        foreach (var point in KillPoints)
        {
            using var child = ChildCli.Start(new Dictionary<string, string> { ["SEGMENTA_TEST_PAUSE_AT"] = point }, Args("2024-12-31"));
            Assert.Equal(point, await child.PausedAsync(Timeout));
            await child.KillAsync();

            var after = ReadState(db);
            Assert.Equal(before, after);   // same ids, same stored hashes, and each recomputed hash equals its stored one
            AssertNoOrphans(db, before.Keys);
        }

        // Killed right after COMMIT: the snapshot is complete and listed.
        using (var child = ChildCli.Start(new Dictionary<string, string> { ["SEGMENTA_TEST_PAUSE_AT"] = "snapshot:after-commit" }, Args("2024-12-31")))
        {
            Assert.Equal("snapshot:after-commit", await child.PausedAsync(Timeout));
            await child.KillAsync();
        }
        var committed = ReadState(db);
        Assert.Equal(3, committed.Count);
        foreach (var (id, hash) in before) Assert.Equal(hash, committed[id]);

        // The store stays usable: a normal run afterwards adds the next snapshot.
        Assert.Equal(0, await RunToEndAsync(Args("2024-12-31")));
        Assert.Equal(4, ReadState(db).Count);
    }

    [Fact]
    public async Task Segment_StoreHeldByAnotherProcess_RefusesClearlyOrWaits()
    {
        using var dir = new TempDir();
        var input = Generate(dir, 5_000);
        var db = dir.File("store.duckdb");
        var release = dir.File("release");
        string[] Args(string asOf) => ["segment", "--input", input, "--db", db, "--out", dir.File("out-" + asOf), "--format", "csv", "--as-of", asOf];

        using var holder = ChildCli.Start(new Dictionary<string, string>
        {
            ["SEGMENTA_TEST_PAUSE_AT"] = "snapshot:before-commit",
            ["SEGMENTA_TEST_PAUSE_RELEASE"] = release,
        }, Args("2024-06-30"));
        await holder.PausedAsync(Timeout);

        // A second process that will not wait is refused at once with a bilingual message and exit code 2.
        using (var refused = ChildCli.Start(new Dictionary<string, string> { [DuckDbStore.LockWaitVariable] = "0" }, Args("2024-09-30")))
        {
            Assert.Equal(2, await refused.ExitAsync(Timeout));
            Assert.Contains("is in use by another process", refused.Err, StringComparison.Ordinal);
            Assert.Contains("正被另一个进程", refused.Err, StringComparison.Ordinal);
        }

        // In this process too (the library entry point), with the holder's PID in the message.
        var ex = Assert.Throws<SegmentaInputException>(() => DuckDbStore.Open(db, wait: TimeSpan.FromMilliseconds(300)));
        Assert.Contains("PID", ex.Message, StringComparison.Ordinal);

        // A second process that waits succeeds once the first finishes: both runs complete, two snapshots.
        using var waiter = ChildCli.Start(new Dictionary<string, string> { [DuckDbStore.LockWaitVariable] = "60" }, Args("2024-09-30"));
        await Task.Delay(500);
        await File.WriteAllTextAsync(release, "go");
        Assert.Equal(0, await holder.ExitAsync(Timeout));
        Assert.Equal(0, await waiter.ExitAsync(Timeout));
        var state = ReadState(db);
        Assert.Equal(2, state.Count);
    }

    internal static string Generate(TempDir dir, int customers)
    {
        var path = dir.File("orders.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = customers, Seed = 7 }, path);
        return path;
    }

    /// <summary>A run to completion, in this process (quicker than a child; the kills need children).</summary>
    private static async Task<int> RunToEndAsync(string[] args)
    {
        var (exit, _, err) = await CliRunner.RunAsync(args);
        Assert.True(exit == 0, err);
        return exit;
    }

    /// <summary>id → stored content hash, after checking that the hash recomputed from the rows equals it.</summary>
    private static Dictionary<long, string> ReadState(string db)
    {
        using var connection = DuckDbStore.Open(db, wait: TimeSpan.FromSeconds(10));
        var store = new SnapshotStore(connection);
        var state = new Dictionary<long, string>();
        foreach (var h in store.List())
        {
            Assert.Equal(SnapshotStore.Complete, h.Status);
            Assert.Equal(h.ContentHash, store.ComputeContentHash(h.Id));
            Assert.True(h.Customers > 0);
            state[h.Id] = h.ContentHash;
        }
        return state;
    }

    /// <summary>No rows or tables of any snapshot that is not listed.</summary>
    private static void AssertNoOrphans(string db, IEnumerable<long> listed)
    {
        using var connection = DuckDbStore.Open(db, wait: TimeSpan.FromSeconds(10));
        var ids = string.Join(",", listed);
        Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM snapshot_assignments WHERE snapshot_id NOT IN ({ids})"));
        Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM snapshot_schemes WHERE snapshot_id NOT IN ({ids})"));
        Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM snapshots WHERE snapshot_id NOT IN ({ids})"));
        var tables = Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'snapshot\\_%\\_customers' ESCAPE '\\'");
        Assert.Equal(listed.LongCount(), tables);
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
