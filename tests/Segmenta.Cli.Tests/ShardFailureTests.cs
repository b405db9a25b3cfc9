using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary>
/// A run on a ClickHouse cluster with one shard stopped fails with exit code 2 and a one-line message naming the
/// unreachable shard (host:port), and writes nothing: no customers.csv, no summary.json, and no snapshot (the local
/// DuckDB store that would hold it is not even created: every shard is checked first). Uses its own 2-node cluster
/// (scripts/services/start-ch-cluster.sh on free ports) so the shared test cluster keeps running.
/// </summary>
public class ShardFailureTests
{
    [Fact]
    public async Task Segment_ClickHouseShardStopped_Exit2NamesShardWritesNothing()
    {
        _ = TestServers.ClickHouse; // fails with the "run scripts/test.sh" message when the servers are not set up
        var root = TestServers.RepositoryRoot;
        var services = Path.Combine(root, "scripts", "services");
        var (http1, http2) = (FreePort(31123), FreePort(41123));
        var cluster = Directory.CreateTempSubdirectory("segmenta-shard-").FullName;
        try
        {
            var start = Run(Path.Combine(services, "start-ch-cluster.sh"), cluster, http1.ToString(CultureInfo.InvariantCulture), http2.ToString(CultureInfo.InvariantCulture));
            Assert.True(start.Exit == 0, start.Output);
            var pid = int.Parse(File.ReadAllText(Path.Combine(cluster, "node2", "pid")).Trim(), CultureInfo.InvariantCulture);
            using (var shard = Process.GetProcessById(pid))
            {
                shard.Kill();
                await shard.WaitForExitAsync();
            }

            using var dir = new TempDir();
            var outDir = Path.Combine(dir.Path, "out");
            var store = Path.Combine(dir.Path, "store.duckdb");
            var (exit, _, err) = await CliRunner.RunAsync("segment", "--engine", "clickhouse",
                "--source", $"clickhouse://127.0.0.1:{http1},127.0.0.1:{http2}/seg_shard_test",
                "--input", Path.Combine(AppContext.BaseDirectory, "data", "cdnow_transactions.csv"), "--out", outDir, "--format", "csv", "--db", store);

            Assert.Equal(2, exit);
            Assert.Contains($"shard 2 of 2 (127.0.0.1:{http2})", err, StringComparison.Ordinal);
            Assert.Contains("unreachable", err, StringComparison.Ordinal);
            Assert.Single(err.Trim().Split('\n'));
            Assert.False(File.Exists(Path.Combine(outDir, "customers.csv")));
            Assert.False(File.Exists(Path.Combine(outDir, "summary.json")));
            Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "the output folder must stay empty");
            Assert.False(File.Exists(store), "no snapshot: the store must not be created");
        }
        finally
        {
            Run(Path.Combine(services, "stop-ch-cluster.sh"), cluster);
            try { Directory.Delete(cluster, recursive: true); }
            catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>A loopback port p (from <paramref name="from"/> on) with p, p+877 and p+886 free (the node's HTTP, TCP and interserver ports).</summary>
    private static int FreePort(int from)
    {
        for (var p = from; ; p++)
        {
            if (new[] { p, p + 877, p + 886 }.All(IsFree)) return p;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int Exit, string Output) Run(string script, params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
