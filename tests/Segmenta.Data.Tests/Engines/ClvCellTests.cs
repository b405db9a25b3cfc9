using DuckDB.NET.Data;
using Npgsql;
using Segmenta.Core.Pipelines;
using Segmenta.Data.ClickHouse;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Engines;
using Segmenta.Data.Import;
using Segmenta.Data.Postgres;
using Segmenta.Tests.Shared;

namespace Segmenta.Data.Tests.Engines;

/// <summary>
/// <c>--clv</c> on a server engine by sufficient-statistic cells: the CLV columns are the same doubles as DuckDB's
/// per-customer path, and what the engine sends back for them is the cells, not the customers (measured on the wire).
/// </summary>
public abstract class ClvCellTests
{
    /// <summary>Bytes allowed beyond the cells during the step: the feature table's column list (read a few times) and command acknowledgements.</summary>
    private const long MetadataAllowance = 32 * 1024;

    private static readonly string[] ClvColumns = ["p_alive", "exp_purchases_12m", "exp_spend", "clv_12m"];

    /// <summary>A fresh engine in its own schema / database, with a way to read what crossed the wire so far (bytes or characters).</summary>
    private protected abstract (IServerEngine Engine, Func<long> Received) Create(string name);

    private protected abstract Task DropAsync(string name);

    [Fact]
    public Task Cdnow_ClvColumnsSameDoublesAsDuckDb_OnlyCellsTravel() => CheckAsync(ConformanceCase.Cdnow, [], fewerCellsThanCustomers: true);

    /// <summary>A small B2B set with long histories: more cells than customers, so only the values and the step's own traffic are checked.</summary>
    [Fact]
    public Task Chemicals_ProfitClvSameDoublesAsDuckDb_OnlyCellsTravel() => CheckAsync(ConformanceCase.Contacts, ["profit_12m"], fewerCellsThanCustomers: false);

    private async Task CheckAsync(ConformanceCase c, string[] extra, bool fewerCellsThanCustomers)
    {
        var ct = CancellationToken.None;
        var options = c.Options.Clv!;
        using var local = DuckDbStore.Open(":memory:");
        c.Import(local);
        var duck = new DuckDbEngine(local);
        await duck.BuildFeaturesAsync(c.Options.AsOf, c.Options.Profitability, ct);
        var reference = await ClvFeatures.AddToAsync(duck, options, ct);
        string[] columns = [.. ClvColumns, .. extra];
        Assert.Equal(columns, reference.ColumnNames);
        var expected = Values(local, columns);

        var name = TestServers.UniqueName();
        var (engine, received) = Create(name);
        try
        {
            await using (engine)
            {
                await engine.OpenAsync(ct);
                foreach (var table in c.Tables) await engine.CopyFromDuckDbAsync(local, table, ct);
                await engine.BuildFeaturesAsync(c.Options.AsOf, c.Options.Profitability, ct);

                var before = received();
                var cells = await ((IClvCellEngine)engine).ReadClvCellsAsync(ct);
                var cellRead = received() - before;
                before = received();
                var models = await ClvFeatures.AddToAsync(engine, options, ct);
                var step = received() - before;

                Assert.Equal(reference.Transactions with { Fit = null }, models.Transactions with { Fit = null });
                Assert.Equal(reference.Spend with { Fit = null }, models.Spend with { Fit = null });
                Assert.Equal(columns, models.ColumnNames);
                await engine.ApplyPlansAsync([], ct);
                await engine.CopySegmentsToDuckDbAsync(local, "engine_segments", ct);
                var actual = Values(local, columns, "engine_segments");
                Assert.Equal(expected.Count, actual.Count);
                foreach (var (id, values) in expected)
                {
                    for (var i = 0; i < columns.Length; i++)
                        Assert.True(Equals(values[i], actual[id][i]), $"customer {id}, {columns[i]}: DuckDB {values[i]}, {engine.Name} {actual[id][i]}");
                }

                // What came back during the step: the cells and a few metadata rows (column lists), nothing per customer.
                Assert.True(step <= cellRead + MetadataAllowance, $"step received {step}, the cells alone {cellRead}");
                before = received();
                var histories = await engine.ReadHistoriesAsync(ct);
                var historyRead = received() - before;
                Assert.Equal(expected.Count, histories.CustomerIds.Count);
                if (fewerCellsThanCustomers)
                {
                    Assert.True(cells.Rows < expected.Count, $"{cells.Rows} cell rows for {expected.Count} customers");
                    Assert.True(step < historyRead, $"cell path {step}, per-customer read {historyRead}");
                }
            }
        }
        finally
        {
            await DropAsync(name);
        }
    }

    private static Dictionary<string, object?[]> Values(DuckDBConnection local, string[] columns, string table = DuckDbEngine.FeaturesTable) =>
        Db.Rows(local, $"SELECT customer_id, {string.Join(", ", columns)} FROM {table}")
            .ToDictionary(r => (string)r[0]!, r => r[1..], StringComparer.Ordinal);
}

/// <summary><see cref="ClvCellTests"/> on PostgreSQL; received is the bytes the server sent, counted by a TCP proxy.</summary>
public sealed class PostgresClvCellTests : ClvCellTests, IDisposable
{
    private CountingProxy? _proxy;

    private protected override (IServerEngine Engine, Func<long> Received) Create(string name)
    {
        var source = PostgresSource.Parse(TestServers.PostgresIn(name));
        var builder = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        _proxy = new CountingProxy(builder.Host!, builder.Port);
        builder.Host = "127.0.0.1";
        builder.Port = _proxy.Port;
        builder.Pooling = false;
        var proxy = _proxy;
        return (new PostgresEngine(source with { ConnectionString = builder.ConnectionString }), () => proxy.ServerToClientBytes);
    }

    private protected override async Task DropAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresSource.Parse(TestServers.PostgresIn(name)).ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {name} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => _proxy?.Dispose();
}

/// <summary><see cref="ClvCellTests"/> on the 2-shard ClickHouse cluster; received is the TabSeparated characters of every result.</summary>
public sealed class ClickHouseClvCellTests : ClvCellTests
{
    private protected override (IServerEngine Engine, Func<long> Received) Create(string name)
    {
        var engine = new ClickHouseEngine(ClickHouseSource.Parse(TestServers.ClickHouseIn(name)));
        return (engine, () => engine.Received.Chars);
    }

    private protected override Task DropAsync(string name) => TestServers.DropClickHouseDatabaseAsync(name);
}
