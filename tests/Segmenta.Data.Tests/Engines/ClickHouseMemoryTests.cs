using Segmenta.Core;
using Segmenta.Data.ClickHouse;
using Segmenta.Tests.Shared;

namespace Segmenta.Data.Tests.Engines;

/// <summary>
/// Per-query memory on the 2-shard ClickHouse cluster (started by scripts/test.sh): large GROUP BYs spill to disk
/// instead of failing, and a query that still runs out of memory gives a readable input error, not an internal one.
/// </summary>
public sealed class ClickHouseMemoryTests
{
    [Fact]
    public async Task Every_statement_carries_spill_thresholds_at_half_the_servers_memory_limit()
    {
        await using var engine = new ClickHouseEngine(ClickHouseSource.Parse(TestServers.ClickHouseIn("default")));
        await engine.OpenAsync(default);

        Assert.Equal(4_000_000_000, engine.MaxMemoryUsage); // the test cluster's profile (scripts/services/start-ch-cluster.sh)
        var rows = await engine.QueryFirstNodeAsync(
            "SELECT name, value FROM system.settings WHERE name IN ('max_bytes_before_external_group_by', 'max_bytes_before_external_sort', 'distributed_aggregation_memory_efficient') ORDER BY name",
            "", default);
        Assert.Equal(
            [["distributed_aggregation_memory_efficient", "1"], ["max_bytes_before_external_group_by", "2000000000"], ["max_bytes_before_external_sort", "2000000000"]],
            rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public async Task A_query_over_the_memory_limit_is_an_input_error_that_says_what_to_raise()
    {
        await using var engine = new ClickHouseEngine(ClickHouseSource.Parse(TestServers.ClickHouseIn("default")));
        await engine.OpenAsync(default);

        // 10 MB for the query and no spilling: a 10⁶-key GROUP BY cannot fit.
        var ex = await Assert.ThrowsAsync<SegmentaInputException>(() => engine.QueryFirstNodeAsync(
            "SELECT count() FROM (SELECT number, count() FROM numbers(3000000) GROUP BY number)",
            "max_memory_usage=10000000&max_bytes_before_external_group_by=0", default));
        Assert.Contains("Memory limit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("max_memory_usage", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", ex.Message, StringComparison.Ordinal);
        Assert.Equal(241, ((ClickHouseException)ex.InnerException!).Code);
    }
}

/// <summary>Answers are read as they arrive, never buffered whole (a 15M-customer fetch exceeded HttpClient's 2 GiB buffer).</summary>
public sealed class ClickHouseStreamingTests
{
    [Fact]
    public async Task Rows_of_an_endless_query_arrive_before_the_answer_ends()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var node = new ClickHouseNode(ClickHouseSource.Parse(TestServers.ClickHouseIn("default")).Nodes[0], 1, http);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var rows = 0;

        // system.numbers never ends: a buffering client would wait until the timeout; a streaming one sees rows at once.
        var read = node.StreamAsync("SELECT number FROM system.numbers", "", r =>
        {
            Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), r[0]);
            if (++rows == 100_000) stop.Cancel(); // seen at the reader's next await, within a buffer's worth of rows
        }, stop.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.InRange(rows, 100_000, 200_000);
    }
}
