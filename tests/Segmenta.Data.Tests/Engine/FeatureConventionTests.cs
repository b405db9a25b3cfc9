using System.Globalization;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Engine;

/// <summary>The feature SQL against published and hand-computed numbers on the real CDNOW data.</summary>
public class FeatureConventionTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task BuildFeatures_CdnowSampleCalibration_MatchesPublishedBtydSummary()
    {
        // cdnow_customers_summary.csv: x, t_x and T in weeks for the 39-week calibration period ending
        // 1997-09-30 inclusive (Fader, Hardie & Lee 2005), as distributed with lifetimes.
        using var dir = new TempDir();
        using var connection = DuckDbStore.Open(":memory:");
        Importer.Import(connection, new ImportOptions { Path = TestData.CdnowSampleCsv(dir.Path) });
        var engine = new DuckDbEngine(connection);
        var built = await engine.BuildFeaturesAsync(new DateOnly(1997, 9, 30), default);
        Assert.Equal(2357, built.Customers);

        var ours = new Dictionary<string, (long X, long Span, long T)>();
        using (var reader = engine.Query("SELECT customer_id, frequency, first_to_last_days, tenure_days FROM customer_features"))
            while (reader.Read()) ours[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));

        var checkedRows = 0;
        foreach (var line in File.ReadLines(TestData.PathOf("cdnow_customers_summary.csv")).Skip(1))
        {
            var f = line.Split(',');
            var mine = ours[f[0]];
            Assert.Equal(long.Parse(f[1], Inv), mine.X);
            Assert.Equal(decimal.Parse(f[2], Inv), Math.Round(mine.Span / 7m, 2, MidpointRounding.AwayFromZero));
            Assert.Equal(decimal.Parse(f[3], Inv), Math.Round(mine.T / 7m, 2, MidpointRounding.AwayFromZero));
            checkedRows++;
        }
        Assert.Equal(2357, checkedRows);
    }

    [Fact]
    public async Task BuildFeatures_CdnowMaster_MatchesNaiveComputationForEveryCustomer()
    {
        using var connection = DuckDbStore.Open(":memory:");
        var report = Importer.Import(connection, new ImportOptions { Path = TestData.PathOf("cdnow_transactions.csv") });
        Assert.Equal(69_659, report.RowsRead);
        Assert.Equal(69_659, report.RowsAccepted);
        var engine = new DuckDbEngine(connection);
        var built = await engine.BuildFeaturesAsync(null, default);
        Assert.Equal(new DateOnly(1998, 7, 1), built.AsOf);
        Assert.Equal(23_570, built.Customers);

        // Naive reference: group the file in plain C#.
        var rows = File.ReadLines(TestData.PathOf("cdnow_transactions.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (Id: f[0], Date: DateOnly.ParseExact(f[1], "yyyy-MM-dd", Inv), Amount: decimal.Parse(f[3], Inv)));
        var expected = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g =>
        {
            var days = g.GroupBy(r => r.Date).OrderBy(d => d.Key).Select(d => (d.Key, Sum: d.Sum(r => r.Amount))).ToList();
            var total = g.Sum(r => r.Amount);
            return (Orders: (long)g.Count(), Days: (long)days.Count, Total: total,
                Recency: (long)(built.AsOf.DayNumber - days[^1].Key.DayNumber),
                Tenure: (long)(built.AsOf.DayNumber - days[0].Key.DayNumber),
                RepeatMean: days.Count > 1 ? (double)(total - days[0].Sum) / (days.Count - 1) : (double?)null);
        });

        using var reader = engine.Query("SELECT customer_id, orders, purchase_days, monetary_total, recency_days, tenure_days, repeat_monetary_mean FROM customer_features");
        var n = 0;
        while (reader.Read())
        {
            var e = expected[reader.GetString(0)];
            Assert.Equal(e.Orders, reader.GetInt64(1));
            Assert.Equal(e.Days, reader.GetInt64(2));
            Assert.Equal(e.Total, reader.GetDecimal(3));
            Assert.Equal(e.Recency, reader.GetInt64(4));
            Assert.Equal(e.Tenure, reader.GetInt64(5));
            if (e.RepeatMean is { } mean) Assert.Equal(mean, reader.GetDouble(6), 1e-9);
            else Assert.True(reader.IsDBNull(6));
            n++;
        }
        Assert.Equal(23_570, n);
    }
}
