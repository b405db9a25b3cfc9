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

    /// <summary>
    /// Two runs on ClickHouse (the second with the first's cut points and alert rules): both snapshots inside the
    /// engine, <c>snapshots diff --engine</c> gives the migration (a GROUP BY in the engine) with migration.json and
    /// transition files, the alerts compare the two snapshots there, <c>snapshots kpis --engine</c> counts every customer
    /// and <c>snapshots delete --engine</c> removes the first.
    /// </summary>
    [Fact]
    public async Task SnapshotsDiffAndAlerts_OnClickHouse_WorkOnTheEngineStore()
    {
        var database = TestServers.UniqueName();
        using var dir = new TempDir();
        string[] server = ["--engine", "clickhouse", "--source", TestServers.ClickHouseIn(database)];
        try
        {
            var first = await CliRunner.RunAsync(["segment", .. server, "--input", Demo, "--as-of", "1997-12-31", "--db", ":memory:", "--lang", "en"]);
            Assert.True(first.Exit == 0, first.Err);
            var rules = dir.File("rules.yaml");
            await File.WriteAllTextAsync(rules, "alerts:\n  - when: leaves_segment\n    scheme: rfm\n    from: champions\n");
            var second = await CliRunner.RunAsync(["segment", .. server, "--input", Demo, "--freeze-from", "1", "--alerts", rules, "--out", dir.File("out"), "--format", "csv", "--db", ":memory:", "--lang", "en"]);
            Assert.True(second.Exit == 0, second.Err);
            var alerts = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(dir.File("out/alerts.json")))!;
            Assert.Equal(1, (long)alerts["previous_snapshot_id"]!);
            Assert.Equal("triggered", (string?)alerts["alerts"]![0]!["status"]);
            Assert.True((long)alerts["alerts"]![0]!["customers_count"]! > 100);

            var (exit, output, err) = await CliRunner.RunAsync(["snapshots", "diff", "1", "2", "--scheme", "rfm", .. server, "--json", "--out", dir.File("diff")]);
            Assert.True(exit == 0, err);
            var rfm = System.Text.Json.Nodes.JsonNode.Parse(output)!["schemes"]!["rfm"]!;
            var counts = rfm["counts"]!.AsArray().Select(r => r!.AsArray().Select(c => (long)c!).ToArray()).ToArray();
            var newCustomers = rfm["only_after"]!.AsObject().Sum(p => (long)p.Value!);
            // CDNOW: every customer's first purchase is in Jan–Mar 1997, so all 23,570 are in both snapshots.
            Assert.Equal(23_570, counts.Sum(r => r.Sum()) + newCustomers);
            Assert.Equal((long)rfm["customers_in_both"]! - (long)rfm["stayed"]!, (long)rfm["movers_count"]!);
            Assert.True((long)rfm["movers_count"]! > 1000);
            Assert.Equal(100, rfm["movers"]!.AsArray().Count);
            Assert.True(File.Exists(dir.File("diff/migration.json")));
            Assert.True(File.Exists(dir.File("diff/transitions_rfm.csv")));

            // KPIs as GROUP BYs in the engine: every customer counted in each snapshot, retention only into the next one.
            (exit, output, err) = await CliRunner.RunAsync(["snapshots", "kpis", "--scheme", "rfm", .. server, "--json"]);
            Assert.True(exit == 0, err);
            var kpis = System.Text.Json.Nodes.JsonNode.Parse(output)!["kpis"]!.AsArray();
            foreach (var id in new[] { 1L, 2L })
                Assert.Equal(23_570, kpis.Where(k => (long)k!["snapshot_id"]! == id).Sum(k => (long)k!["customers"]!));
            Assert.All(kpis, k => Assert.Equal((long)k!["snapshot_id"]! == 1, k!["retention"] is not null));

            (exit, _, err) = await CliRunner.RunAsync(["snapshots", "delete", "1", .. server]);
            Assert.True(exit == 0, err);
            var remaining = await ListedAsync(server);
            Assert.Equal([2L], remaining);
        }
        finally
        {
            await TestServers.DropClickHouseDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Stability options are applied on DuckDB only for now: a server run that asks for them stops with exit code 2
    /// before anything is written (no output folder, nothing in the engine), instead of storing unstabilised segments.
    /// </summary>
    [Theory]
    [InlineData("--hysteresis", "0.05")]
    [InlineData("--min-dwell", "2")]
    [InlineData("--stable-from", "1")]
    public async Task Segment_ServerEngineWithStabilityOption_Exit2NothingWritten(string option, string value)
    {
        var name = TestServers.UniqueName();
        using var dir = new TempDir();
        var (exit, _, err) = await CliRunner.RunAsync(["segment", "--engine", "postgres", "--source", TestServers.PostgresIn(name), "--input", Demo, "--db", dir.File("store.duckdb"), "--out", dir.File("out"), option, value]);
        Assert.Equal(2, exit);
        Assert.Contains("DuckDB only", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
        Assert.False(File.Exists(dir.File("store.duckdb")));
        await using var connection = new NpgsqlConnection(PgConnectionString());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM information_schema.schemata WHERE schema_name = '{name}'", connection);
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// SIGKILL a server run between the snapshot's data tables and its header: the snapshot is not listed (PostgreSQL:
    /// nothing was committed; ClickHouse: orphan tables remain), and the next run stores a complete, intact snapshot
    /// under that id after dropping the orphans.
    /// </summary>
    [Theory]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public async Task Segment_KilledBeforeSnapshotHeader_NotListed_NextRunCleansUp(string engine)
    {
        var name = TestServers.UniqueName();
        string[] server = ["--engine", engine, "--source", engine == "postgres" ? TestServers.PostgresIn(name) : TestServers.ClickHouseIn(name)];
        string[] run = ["segment", .. server, "--input", Demo, "--db", ":memory:"];
        try
        {
            var first = await CliRunner.RunAsync(run);
            Assert.True(first.Exit == 0, first.Err);
            using (var child = ChildCli.Start(new Dictionary<string, string> { ["SEGMENTA_TEST_PAUSE_AT"] = "server-snapshot:before-header" }, run))
            {
                Assert.Equal("server-snapshot:before-header", await child.PausedAsync(TimeSpan.FromSeconds(120)));
                await child.KillAsync();
            }
            var listed = await ListedAsync(server);
            Assert.Equal([1L], listed);
            var orphans = await SnapshotTablesAsync(engine, name, 2);
            Assert.Equal(engine == "postgres" ? 0 : 2, orphans);

            var next = await CliRunner.RunAsync(run);
            Assert.True(next.Exit == 0, next.Err);
            var relisted = await ListedAsync(server);
            Assert.Equal([1L, 2L], relisted);
            var (exit, shown, err) = await CliRunner.RunAsync(["snapshots", "show", "2", .. server, "--json"]);
            Assert.True(exit == 0, err);
            var header = System.Text.Json.Nodes.JsonNode.Parse(shown)!;
            Assert.True((bool)header["intact"]!);
            Assert.Equal(23_570, (long)header["customers"]!);
            Assert.Equal(2, await SnapshotTablesAsync(engine, name, 2));
        }
        finally
        {
            if (engine == "postgres") await PostgresAsync($"DROP SCHEMA IF EXISTS {name} CASCADE");
            else await TestServers.DropClickHouseDatabaseAsync(name);
        }
    }

    private static async Task<long[]> ListedAsync(string[] server)
    {
        var (exit, output, err) = await CliRunner.RunAsync(["snapshots", "list", .. server, "--json"]);
        Assert.True(exit == 0, err);
        return [.. System.Text.Json.Nodes.JsonNode.Parse(output)!["snapshots"]!.AsArray().Select(h => (long)h!["id"]!)];
    }

    /// <summary>How many data tables of snapshot <paramref name="id"/> exist (ClickHouse: distinct names over every node, <c>_local</c> folded).</summary>
    private static async Task<int> SnapshotTablesAsync(string engine, string name, long id)
    {
        var prefix = $"snapshot_{id}_";
        if (engine == "postgres")
        {
            await using var connection = new NpgsqlConnection(PgConnectionString());
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = @s AND starts_with(tablename, @p)", connection);
            cmd.Parameters.AddWithValue("s", name);
            cmd.Parameters.AddWithValue("p", prefix);
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        using var http = new HttpClient();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in TestServers.ClickHouseNodes)
        {
            using var content = new StringContent($"SELECT name FROM system.tables WHERE database = '{name}' AND startsWith(name, '{prefix}') FORMAT TabSeparated");
            using var response = await http.PostAsync(node, content);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                names.Add(line.EndsWith("_local", StringComparison.Ordinal) ? line[..^"_local".Length] : line);
        }
        return names.Count;
    }

    private static async Task AssertSameAsDuckDbAsync(params string[] engineArgs) =>
        await AssertSameAsDuckDbAsync(await DuckDbCsv.Value, 23_570, engineArgs);

    /// <summary>
    /// Runs segment with <paramref name="engineArgs"/>: customers.csv must equal <paramref name="expected"/> byte for byte, and
    /// the engine must hold this run's snapshot (listed and shown intact by <c>snapshots --engine</c>) and the local store
    /// the per-customer tables and run record that <c>segmenta report</c> reads.
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

        // The snapshot lives inside the engine (listed and checked through the CLI), not in the local store.
        var server = new[] { "--engine", engineArgs[Array.IndexOf(engineArgs, "--engine") + 1], "--source", engineArgs[Array.IndexOf(engineArgs, "--source") + 1] };
        var (listExit, listed, listErr) = await CliRunner.RunAsync(["snapshots", "list", .. server, "--json"]);
        Assert.True(listExit == 0, listErr);
        var snapshot = Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(listed)!["snapshots"]!.AsArray())!;
        Assert.Equal(server[1], (string?)snapshot["engine"]);
        Assert.Equal(customers, (long)snapshot["customers"]!);
        var (showExit, shown, showErr) = await CliRunner.RunAsync(["snapshots", "show", ((long)snapshot["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), .. server, "--json"]);
        Assert.True(showExit == 0, showErr);
        Assert.True((bool)System.Text.Json.Nodes.JsonNode.Parse(shown)!["intact"]!);

        using var connection = Segmenta.Data.DuckDb.DuckDbStore.Open(store);
        Assert.Empty(new Segmenta.Data.Snapshots.SnapshotStore(connection).List());
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
