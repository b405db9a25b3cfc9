using System.Globalization;
using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Rfm;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Rfm;

/// <summary>
/// <see cref="RfmBinning.RRfm"/> against the published output of the R package rfm (rsquaredacademy/rfm).
/// </summary>
public class RfmSchemeRPackageTests
{
    private static readonly DateOnly AnalysisDate = new(2006, 12, 31);
    private static readonly double[] Quintiles = [0.2, 0.4, 0.6, 0.8];

    /// <summary>
    /// First 10 rows of <c>rfm_table_order(rfm_data_orders, customer_id, order_date, revenue, as_date("2006-12-31"))</c>
    /// as printed in the package README (rsquaredacademy/rfm, README.md, commit c22c2aef, "RFM Table").
    /// The README's data names carry suffixes ("Abbey O'Reilly DVM", "Aden Lesch Sr.", "Aiyanna Bruen PhD",
    /// "Ala Schmidt DDS") that the copy in tests/data does not; the recency/orders/amount columns identify them.
    /// </summary>
    public static TheoryData<string, int, int, int, int, int, int> Published => new()
    {
        // customer (tests/data name), recency_days, transaction_count, amount, recency_score, frequency_score, monetary_score
        { "Abbey O'Reilly", 205, 6, 472, 3, 4, 3 },
        { "Add Senger", 140, 3, 340, 4, 1, 2 },
        { "Aden Lesch", 194, 4, 405, 3, 2, 3 },
        { "Admiral Senger", 132, 5, 448, 4, 3, 3 },
        { "Agness O'Keefe", 90, 9, 843, 5, 5, 5 },
        { "Aileen Barton", 84, 9, 763, 5, 5, 5 },
        { "Ailene Hermann", 281, 8, 699, 3, 5, 5 },
        { "Aiyanna Bruen", 246, 4, 157, 3, 2, 1 },
        { "Ala Schmidt", 349, 3, 363, 2, 1, 2 },
        { "Alannah Borer", 619, 4, 196, 1, 2, 1 },
    };

    private static readonly Lazy<Dictionary<string, (decimal Recency, decimal Orders, decimal Amount)>> Customers = new(Load);

    [Theory]
    [MemberData(nameof(Published))]
    public void Plan_RRfmOnPackageExample_ReproducesPublishedScores(
        string customer, int recency, int orders, int amount, int rScore, int fScore, int mScore)
    {
        var features = Customers.Value[customer];
        Assert.Equal((recency, orders, amount), ((int)features.Recency, (int)features.Orders, (int)features.Amount));

        var plan = RfmScheme.Plan(Histogram(c => c.Recency), Histogram(c => c.Orders), Histogram(c => c.Amount),
            new RfmOptions { Binning = RfmBinning.RRfm });
        var result = ExprEvaluator.EvaluatePlan(plan, new Dictionary<string, object?>
        {
            [FeatureNames.RecencyDays] = features.Recency,
            [FeatureNames.Orders] = features.Orders,
            [FeatureNames.MonetaryTotal] = features.Amount,
        });

        Assert.Equal((long)rScore, result[FeatureNames.RfmR]);
        Assert.Equal((long)fScore, result[FeatureNames.RfmF]);
        Assert.Equal((long)mScore, result[FeatureNames.RfmM]);
        Assert.Equal((100L * rScore) + (10L * fScore) + mScore, result[RfmScheme.ScoreColumn]);
    }

    [Fact]
    public void Plan_RRfmOnPackageExample_ReportsBreaksAsQuantilePlusOne()
    {
        var plan = RfmScheme.Plan(Histogram(c => c.Recency), Histogram(c => c.Orders), Histogram(c => c.Amount),
            new RfmOptions { Binning = RfmBinning.RRfm });
        var orders = Histogram(c => c.Orders);
        var expected = Quantiles.Compute(orders, Quintiles).Select(q => q + 1);
        Assert.Equal(expected, plan.Parameters["rfm_f_cut_points"]);
        Assert.Equal(995, Customers.Value.Count);
    }

    private static ValueHistogram Histogram(Func<(decimal Recency, decimal Orders, decimal Amount), decimal> measure) =>
        ValueHistogram.FromValues(Customers.Value.Values.Select(c => (decimal?)measure(c)));

    /// <summary>Plain grouping of tests/data/rfm_data_orders.csv: recency = analysis date − last order, orders = rows, amount = Σ revenue.</summary>
    private static Dictionary<string, (decimal Recency, decimal Orders, decimal Amount)> Load()
    {
        var rows = File.ReadLines(TestData.Path("rfm_data_orders.csv")).Skip(1).Select(line =>
        {
            var close = line.LastIndexOf('"');
            var rest = line[(close + 2)..].Split(',');
            return (Customer: line[1..close],
                Date: DateOnly.ParseExact(rest[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Revenue: decimal.Parse(rest[1], CultureInfo.InvariantCulture));
        });
        return rows.GroupBy(r => r.Customer, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => ((decimal)(AnalysisDate.DayNumber - g.Max(r => r.Date).DayNumber), (decimal)g.Count(), g.Sum(r => r.Revenue)),
            StringComparer.Ordinal);
    }
}
