using Segmenta.Core.Clv;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Tests.Clv;

namespace Segmenta.Core.Tests.Pipelines;

/// <summary>profit_{h}m of segment --clv on the CDNOW sample's calibration period.</summary>
public class ClvFeaturesProfitTests
{
    private static readonly DateOnly End = new(1997, 9, 30);

    private static CustomerHistories Histories()
    {
        var days = new SortedDictionary<int, SortedDictionary<DateOnly, double>>();
        foreach (var (id, date, dollars) in ReferenceData.CdnowTransactions())
        {
            if (date > End) continue;
            if (!days.TryGetValue(id, out var d)) days[id] = d = [];
            d[date] = d.TryGetValue(date, out var s) ? s + dollars : dollars;
        }
        var c = days.Values.ToList();
        return new CustomerHistories(
            [.. days.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. c.Select(d => d.Count - 1.0)],
            [.. c.Select(d => (double)(d.Keys.Last().DayNumber - d.Keys.First().DayNumber))],
            [.. c.Select(d => (double)(End.DayNumber - d.Keys.First().DayNumber))],
            [.. c.Select(d => d.Count > 1 ? d.Values.Skip(1).Average() : double.NaN)]);
    }

    [Fact]
    public void Compute_WithMarginAndContactCosts_ProfitIsClvTimesRateMinusCost()
    {
        var plain = Histories();
        var n = plain.CustomerIds.Count;
        var revenue = Enumerable.Range(0, n).Select(i => 100.0 + i % 7).ToArray();
        // Every third customer has no recorded cost (NaN): the population rate applies.
        var margin = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? double.NaN : revenue[i] * 0.25).ToArray();
        var cost = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 90.0 : 0).ToArray();
        var options = new ClvFeatureOptions { HorizonMonths = 6, DiscountMonthly = 0.01 };

        var result = ClvFeatures.Compute(plain with { Revenue = revenue, GrossMargin = margin, ContactCost90d = cost }, options);
        var clv = result.Columns.Single(c => c.Name == "clv_6m").Values;
        var profit = result.Columns.Single(c => c.Name == "profit_6m").Values;
        var factor = ProfitValue.MonthFactor(6, 0.01);
        for (var i = 0; i < n; i++)
            Assert.Equal(clv[i] * 0.25 - cost[i] * factor, profit[i], 9);   // the population rate is 0.25 too
        Assert.Contains(profit, p => p < 0);

        var without = ClvFeatures.Compute(plain, options);
        Assert.DoesNotContain(without.Columns, c => c.Name == "profit_6m");
    }
}
