using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class LifetimeValueTests
{
    private static readonly BgNbdModel Purchases = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaModel Spend = new(6.25, 3.74, 15.44);

    [Fact]
    public void Compute_NoDiscount_EqualsExpectedPurchasesTimesSpend()
    {
        var options = new ClvOptions { ModelTimeUnit = TimeUnit.Week, Periods = 12 };
        var history = new CustomerHistory(2, 30.43, 38.86);
        var expected = Purchases.ExpectedPurchases(12 * 30.4375 / 7, 2, 30.43, 38.86) * Spend.ExpectedSpend(2, 40);
        Assert.Equal(expected, LifetimeValue.Compute(Purchases, Spend, history, 40, options), 10);
    }

    [Fact]
    public void Compute_DiscountAndMargin_LowerTheValue()
    {
        var plain = new ClvOptions { ModelTimeUnit = TimeUnit.Week };
        var history = new CustomerHistory(5, 35, 38);
        var revenue = LifetimeValue.Compute(Purchases, Spend, history, 30, plain);
        var discounted = LifetimeValue.Compute(Purchases, Spend, history, 30, plain with { DiscountRate = 0.01 });
        var profit = LifetimeValue.Compute(Purchases, Spend, history, 30, plain with { Margin = 0.3 });
        Assert.True(discounted < revenue);
        Assert.Equal(0.3 * revenue, profit, 10);
    }

    [Fact]
    public void Compute_YearlyPeriodsInDays_UsesJulianYear()
    {
        var options = new ClvOptions { ModelTimeUnit = TimeUnit.Day, Period = DiscountPeriod.Year, Periods = 1 };
        Assert.Equal(365.25, options.PeriodLength);
        var monthly = ClvOptions.MonthlyRateFromAnnual(0.1);
        Assert.Equal(1.1, Math.Pow(1 + monthly, 12), 12);
    }

    [Fact]
    public void NewCustomer_EqualsPopulationPurchasesTimesMeanSpend()
    {
        var options = new ClvOptions { ModelTimeUnit = TimeUnit.Week, Periods = 6 };
        var expected = Purchases.ExpectedPurchases(6 * 30.4375 / 7) * Spend.ExpectedSpend();
        Assert.Equal(expected, LifetimeValue.NewCustomer(Purchases, Spend, options), 10);
    }

    [Fact]
    public void Compute_Batch_MatchesSingle()
    {
        var customers = ReferenceData.CdnowSummary();
        var spend = new double[customers.Length];
        Array.Fill(spend, 35.0);
        var dest = new double[customers.Length];
        var options = new ClvOptions { ModelTimeUnit = TimeUnit.Week, DiscountRate = 0.01 };
        LifetimeValue.Compute(Purchases, Spend, customers, spend, dest, options);
        Assert.Equal(LifetimeValue.Compute(Purchases, Spend, customers[7], 35, options), dest[7], 12);
    }

    [Fact]
    public void ExpectedPurchasesInterval_FittedModel_ContainsEstimate()
    {
        var model = BgNbd.Fit(HistoryCells.Compress(ReferenceData.CdnowSummary()));
        var estimate = model.ExpectedPurchases(39, 2, 30.43, 38.86);
        var interval = PredictionIntervals.ExpectedPurchases(model, 39, 2, 30.43, 38.86);
        Assert.InRange(estimate, interval.Lower, interval.Upper);
        Assert.True(interval.Upper - interval.Lower is > 0.01 and < 0.5, $"{interval}");
    }

    [Fact]
    public void ExpectedPurchasesInterval_Batch_MatchesSingle()
    {
        var customers = ReferenceData.CdnowSummary();
        var model = BgNbd.Fit(HistoryCells.Compress(customers));
        double[] low = new double[customers.Length], high = new double[customers.Length];
        PredictionIntervals.ExpectedPurchases(model, 39, customers, low, high);
        foreach (var i in new[] { 0, 7, 100, 2356 })
        {
            var c = customers[i];
            var single = PredictionIntervals.ExpectedPurchases(model, 39, c.Frequency, c.Frequency == 0 ? 0 : c.Recency, c.T);
            Assert.Equal(single.Lower, low[i], 14);
            Assert.Equal(single.Upper, high[i], 14);
        }
    }

    [Fact]
    public void ExpectedPurchasesInterval_UnfittedModel_Throws() =>
        Assert.Throws<SegmentaInputException>(() => PredictionIntervals.ExpectedPurchases(Purchases, 39, 1, 1, 2));
}
