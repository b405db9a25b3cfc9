using System.Globalization;
using System.Text;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Engine;

/// <summary>
/// Orders per customer = distinct order ids per purchase day + rows without an id. DuckDB counts the distinct ids only for
/// days with two or more ids (<c>FeatureQuery.DaysByIdRange</c>); these cases have days of every kind — no id, one id,
/// one id repeated, two ids, three or more with repeats — and compare with a count in plain C#.
/// </summary>
public class OrderCountTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task BuildFeatures_DaysWithRepeatedAndMissingIds_CountOrdersExactly(int seed)
    {
        var random = new Random(seed);
        var rows = new List<(string Customer, DateOnly Date, decimal Amount, string? Order, decimal Cost, string Region)>();
        for (var c = 0; c < 60; c++)
        {
            for (var d = 0; d < random.Next(1, 6); d++)
            {
                var date = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 40));
                var lines = random.Next(1, 7);
                var pool = random.Next(1, 4); // few ids per day, so they repeat
                for (var l = 0; l < lines; l++)
                {
                    var order = random.Next(5) == 0 ? null : $"O{c}-{random.Next(pool)}";
                    rows.Add(($"C{c:D3}", date, random.Next(1, 10_000) / 100m, order, random.Next(0, 500) / 100m, random.Next(2) == 0 ? "north" : "south"));
                }
            }
        }

        using var dir = new TempDir();
        var csv = new StringBuilder("customer_id,order_date,amount,order_id,cost,region\n");
        foreach (var r in rows)
        {
            csv.Append(Inv, $"{r.Customer},{r.Date:yyyy-MM-dd},{r.Amount},{r.Order},{r.Cost},{r.Region}\n");
        }

        File.WriteAllText(dir.File("t.csv"), csv.ToString());
        using var connection = DuckDbStore.Open(":memory:");
        var report = Importer.Import(connection, new ImportOptions { Path = dir.File("t.csv") });
        Assert.Equal(rows.Count, report.RowsAccepted);
        var engine = new DuckDbEngine(connection);
        await engine.BuildFeaturesAsync(new DateOnly(2024, 12, 31), default);

        var expected = rows.GroupBy(r => r.Customer).ToDictionary(g => g.Key, g => (
            Orders: g.GroupBy(r => r.Date).Sum(day => (long)day.Where(r => r.Order is not null).Select(r => r.Order).Distinct().Count() + day.Count(r => r.Order is null)),
            Total: g.Sum(r => r.Amount),
            Margin: g.Sum(r => r.Amount - r.Cost),
            Region: g.OrderBy(r => r.Date).GroupBy(r => r.Date).Last().Max(r => r.Region)));
        using var reader = engine.Query("SELECT customer_id, orders, monetary_total, margin, region FROM customer_features");
        var n = 0;
        while (reader.Read())
        {
            var e = expected[reader.GetString(0)];
            Assert.Equal(e.Orders, reader.GetInt64(1));
            Assert.Equal(e.Total, reader.GetDecimal(2));
            Assert.Equal(e.Margin, reader.GetDecimal(3));
            Assert.Equal(e.Region, reader.GetString(4));
            n++;
        }

        Assert.Equal(expected.Count, n);
    }
}
