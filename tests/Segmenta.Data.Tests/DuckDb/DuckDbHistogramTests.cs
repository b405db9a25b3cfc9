using System.Globalization;
using Segmenta.Core.Numerics;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Tests.DuckDb;

/// <summary>
/// DuckDB's histogram query (exact columns grouped by the raw column, nulls in the same query, doubles read sorted)
/// gives exactly the histogram of the engine-independent queries <see cref="EngineSql.Histogram"/> + <see cref="EngineSql.NullCount"/>,
/// which PostgreSQL and ClickHouse run: cut points stay identical on every engine.
/// </summary>
public class DuckDbHistogramTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task HistogramAsync_EveryColumnKind_SameAsTheSharedQueries(int seed)
    {
        var random = new Random(seed);
        using var connection = DuckDbStore.Open(":memory:");
        var engine = new DuckDbEngine(connection);
        engine.Execute($"CREATE TABLE {DuckDbEngine.FeaturesTable} (customer_id VARCHAR, orders BIGINT, monetary_total DECIMAL(18,2), ratio DECIMAL(18,8), clv_12m DOUBLE, p_alive DOUBLE, all_null DOUBLE)");
        using (var appender = connection.CreateAppender(DuckDbEngine.FeaturesTable))
        {
            // Doubles that differ but round to the same 6 decimals, signed zeros, ties and nulls in every column.
            double[] awkward = [1.0 / 7, 0.1428574, 0.1428566, -0.0, 0.0, 2.5000005, 2.5000015, 1e-7, -1e-7, 123456.1234565];
            for (var i = 0; i < 400 + random.Next(200); i++)
            {
                appender.CreateRow()
                    .AppendValue(i.ToString(CultureInfo.InvariantCulture))
                    .AppendValue(random.Next(10) == 0 ? null : (long?)random.Next(0, 20))
                    .AppendValue(random.Next(10) == 0 ? null : (decimal?)Math.Round((decimal)random.NextDouble() * 50, 2))
                    .AppendValue(random.Next(10) == 0 ? null : (decimal?)Math.Round((decimal)random.NextDouble(), 8))
                    .AppendValue(random.Next(10) == 0 ? null : random.Next(5) == 0 ? awkward[random.Next(awkward.Length)] : random.NextDouble() * 1000)
                    .AppendValue(random.Next(10) == 0 ? null : awkward[random.Next(awkward.Length)])
                    .AppendValue((double?)null)
                    .EndRow();
            }
        }
        foreach (var (column, kind) in new[] { ("orders", ColumnKind.Integer), ("monetary_total", ColumnKind.Decimal), ("ratio", ColumnKind.Decimal), ("clv_12m", ColumnKind.Double), ("p_alive", ColumnKind.Double), ("all_null", ColumnKind.Double) })
        {
            var expected = Shared(engine, column, kind);
            var actual = await engine.HistogramAsync(column, CancellationToken.None);
            Assert.Equal(expected.Values, actual.Values);
            Assert.Equal(expected.Counts, actual.Counts);
            Assert.Equal(expected.NullCount, actual.NullCount);
        }
    }

    private static ValueHistogram Shared(DuckDbEngine engine, string column, ColumnKind kind)
    {
        var values = new List<decimal>();
        var counts = new List<long>();
        using (var reader = engine.Query(EngineSql.Histogram(DuckDbDialect.Instance, DuckDbEngine.FeaturesTable, column, kind)))
        {
            while (reader.Read())
            {
                values.Add(kind == ColumnKind.Double ? EngineSql.HistogramValue(reader.GetDouble(0)) : reader.GetDecimal(0));
                counts.Add(reader.GetInt64(1));
            }
        }
        using var nulls = engine.Query(EngineSql.NullCount(DuckDbDialect.Instance, DuckDbEngine.FeaturesTable, column));
        nulls.Read();
        return EngineSql.HistogramOf(values, counts, nulls.GetInt64(0));
    }
}
