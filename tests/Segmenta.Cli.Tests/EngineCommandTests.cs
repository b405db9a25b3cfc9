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

    /// <summary>
    /// A small chemicals-profile set (generate --profile chemicals) and DuckDB's customers.csv for it with interactions,
    /// surveys, CLV and the chemicals_key_accounts preset scheme (typed against the engine's own feature table).
    /// </summary>
    private static readonly Lazy<Task<(string[] Inputs, byte[] Csv)>> Chemicals = new(() => Task.Run(async () =>
    {
        var dir = Directory.CreateTempSubdirectory("segmenta-engine-chem-").FullName;
        var (exit, _, err) = await CliRunner.RunAsync("generate", "--profile", "chemicals", "--customers", "300", "--seed", "5", "--out", Path.Combine(dir, "chem.csv"));
        Assert.True(exit == 0, err);
        string[] inputs =
        [
            "--input", Path.Combine(dir, "chem.csv"), "--customers", Path.Combine(dir, "chem_customers.csv"),
            "--interactions", Path.Combine(dir, "chem_interactions.csv"), "--surveys", Path.Combine(dir, "chem_surveys.csv"),
            "--cost-per-visit", "812.5", "--cost-per-call", "50", "--clv", "--scheme", "chemicals_key_accounts",
        ];
        var outDir = Path.Combine(dir, "duckdb");
        (exit, _, err) = await CliRunner.RunAsync(["segment", .. inputs, "--out", outDir, "--db", ":memory:", "--format", "csv", "--lang", "zh-CN"]);
        Assert.True(exit == 0, err);
        return (inputs, await File.ReadAllBytesAsync(Path.Combine(outDir, "customers.csv")));
    }));

    [Theory]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public async Task Segment_ServerEngineWithInteractionsAndSurveys_SameCustomersCsvAsDuckDb(string engine)
    {
        var (inputs, expected) = await Chemicals.Value;
        var name = TestServers.UniqueName();
        try
        {
            var source = engine == "postgres" ? TestServers.PostgresIn(name) : TestServers.ClickHouseIn(name);
            var header = await AssertSameAsDuckDbAsync(expected, 300, ["--engine", engine, "--source", source, .. inputs]);
            foreach (var column in new[] { "contacts_90d", "last_contact_days", "nps_group", "csat", "survey_need", "gross_margin", "cost_to_serve", "profit", "chemicals_key_accounts" })
                Assert.Contains(column, header);
        }
        finally
        {
            if (engine == "postgres") await PostgresAsync($"DROP SCHEMA IF EXISTS {name} CASCADE");
            else await TestServers.DropClickHouseDatabaseAsync(name);
        }
    }

    private static async Task AssertSameAsDuckDbAsync(params string[] engineArgs) =>
        await AssertSameAsDuckDbAsync(await DuckDbCsv.Value, 23_570, engineArgs);

    /// <summary>
    /// Runs segment with <paramref name="engineArgs"/>: customers.csv must equal <paramref name="expected"/> byte for byte, and
    /// the local store must hold this run's snapshot (taken from the streamed-back results) and its per-customer tables.
    /// </summary>
    private static async Task<string[]> AssertSameAsDuckDbAsync(byte[] expected, long customers, string[] engineArgs)
    {
        using var dir = new TempDir();
        var store = dir.File("store.duckdb");
        var (exit, _, err) = await CliRunner.RunAsync(["segment", .. engineArgs, "--out", dir.File("out"), "--db", store, "--format", "csv", "--lang", "zh-CN"]);
        Assert.True(exit == 0, err);
        var actual = await File.ReadAllBytesAsync(dir.File("out/customers.csv"));
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"customers.csv differs from DuckDB's ({expected.Length} vs {actual.Length} bytes)");
        Assert.True(File.Exists(dir.File("out/summary.json")));

        using var connection = Segmenta.Data.DuckDb.DuckDbStore.Open(store);
        var snapshot = Assert.Single(new Segmenta.Data.Snapshots.SnapshotStore(connection).List());
        Assert.Equal(engineArgs[Array.IndexOf(engineArgs, "--engine") + 1], snapshot.Engine);
        Assert.Equal(customers, snapshot.Customers);
        Assert.Equal(customers, new Segmenta.Data.Snapshots.SnapshotStore(connection).Assignments(snapshot.Id, "rfm").Count);
        var engine = new Segmenta.Data.DuckDb.DuckDbEngine(connection);
        using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT count(*) FROM {Segmenta.Data.DuckDb.DuckDbEngine.FeaturesTable}";
            Assert.Equal(customers, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.False(engine.TableExists(Segmenta.Data.DuckDb.DuckDbEngine.TransactionsTable), "the transactions live on the server");
        Assert.NotNull(Segmenta.Data.Reporting.RunRecordStore.Load(connection));
        return File.ReadLines(dir.File("out/customers.csv")).First().TrimStart('\uFEFF').Split(',');
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
