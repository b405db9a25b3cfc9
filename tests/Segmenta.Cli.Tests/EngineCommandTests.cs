using System.Text;
using Npgsql;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary>
/// <c>segmenta segment --engine postgres|clickhouse</c> end to end: the same customers.csv, byte for byte, as the
/// embedded DuckDB engine, from a file and from a table that already lives on the server.
/// </summary>
public class EngineCommandTests
{
    private static readonly string Demo = Path.Combine(AppContext.BaseDirectory, "data", "cdnow_transactions.csv");
    private static readonly Lazy<Task<byte[]>> DuckDbCsv = new(() => Task.Run(async () =>
    {
        using var dir = new TempDir();
        var (exit, _, err) = await CliRunner.RunAsync("segment", "--input", Demo, "--out", dir.Path, "--db", ":memory:", "--format", "csv", "--lang", "zh-CN");
        Assert.True(exit == 0, err);
        return await File.ReadAllBytesAsync(dir.File("customers.csv"));
    }));

    [Fact]
    public async Task Segment_PostgresFromFile_SameCustomersCsvAsDuckDb()
    {
        var schema = TestServers.UniqueName();
        try
        {
            await AssertSameAsDuckDbAsync("--engine", "postgres", "--source", TestServers.PostgresIn(schema), "--input", Demo);
        }
        finally
        {
            await PostgresAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    [Fact]
    public async Task Segment_ClickHouseFromFile_SameCustomersCsvAsDuckDb()
    {
        var database = TestServers.UniqueName();
        try
        {
            await AssertSameAsDuckDbAsync("--engine", "clickhouse", "--source", TestServers.ClickHouseIn(database), "--input", Demo);
        }
        finally
        {
            await TestServers.DropClickHouseDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Segment_PostgresExistingTable_SameCustomersCsvAsDuckDb()
    {
        var schema = TestServers.UniqueName();
        try
        {
            await PostgresAsync($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.orders (customer_id TEXT, order_date DATE, quantity INTEGER, amount NUMERIC(12,2))");
            await using (var connection = new NpgsqlConnection(PgConnectionString()))
            {
                await connection.OpenAsync();
                await using var writer = await connection.BeginTextImportAsync($"COPY {schema}.orders FROM STDIN (FORMAT csv, HEADER true)");
                await writer.WriteAsync(await File.ReadAllTextAsync(Demo));
            }
            await AssertSameAsDuckDbAsync("--engine", "postgres", "--source", TestServers.PostgresIn(schema), "--table", $"{schema}.orders");
        }
        finally
        {
            await PostgresAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    [Fact]
    public async Task Segment_ClickHouseExistingDistributedTable_SameCustomersCsvAsDuckDb()
    {
        var database = TestServers.UniqueName();
        var data = TestServers.UniqueName();
        try
        {
            using var http = new HttpClient();
            foreach (var node in TestServers.ClickHouseNodes)
            {
                await ClickHouseAsync(http, node, $"CREATE DATABASE {data}");
                await ClickHouseAsync(http, node, $"CREATE TABLE {data}.orders_local (customer_id String, order_date Date, quantity Int32, amount Float64) ENGINE = MergeTree() ORDER BY customer_id");
                await ClickHouseAsync(http, node, $"CREATE TABLE {data}.orders_dist AS {data}.orders_local ENGINE = Distributed(seg_cluster, {data}, orders_local, cityHash64(customer_id))");
            }
            var csv = string.Join('\n', (await File.ReadAllLinesAsync(Demo)).Skip(1));
            using var content = new StringContent(csv, Encoding.UTF8);
            using var insert = await http.PostAsync(new Uri(TestServers.ClickHouseNodes[0], $"?insert_distributed_sync=1&query={Uri.EscapeDataString($"INSERT INTO {data}.orders_dist FORMAT CSV")}"), content);
            Assert.True(insert.IsSuccessStatusCode, await insert.Content.ReadAsStringAsync());
            await AssertSameAsDuckDbAsync("--engine", "clickhouse", "--source", TestServers.ClickHouseIn(database), "--table", $"{data}.orders_dist");
        }
        finally
        {
            await TestServers.DropClickHouseDatabaseAsync(database);
            await TestServers.DropClickHouseDatabaseAsync(data);
        }
    }

    private static async Task AssertSameAsDuckDbAsync(params string[] engineArgs)
    {
        using var dir = new TempDir();
        var (exit, _, err) = await CliRunner.RunAsync(["segment", .. engineArgs, "--out", dir.Path, "--format", "csv", "--lang", "zh-CN"]);
        Assert.True(exit == 0, err);
        var expected = await DuckDbCsv.Value;
        var actual = await File.ReadAllBytesAsync(dir.File("customers.csv"));
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"customers.csv differs from DuckDB's ({expected.Length} vs {actual.Length} bytes)");
        Assert.True(File.Exists(dir.File("summary.json")));
    }

    private static string PgConnectionString() => Segmenta.Data.Postgres.PostgresSource.Parse(TestServers.Postgres).ConnectionString;

    private static async Task PostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PgConnectionString());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task ClickHouseAsync(HttpClient http, Uri node, string sql)
    {
        using var content = new StringContent(sql);
        using var response = await http.PostAsync(node, content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
