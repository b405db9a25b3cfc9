using Segmenta.Core.Clv;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// Fits BG/NBD (weeks) and Gamma-Gamma on a run's own customers and turns the predictions into customer feature
/// columns: <c>p_alive</c>, <c>exp_purchases_{h}m</c>, <c>exp_spend</c>, <c>clv_{h}m</c>. Formulas: Fader, Hardie &amp; Lee
/// (2005) "Counting Your Customers the Easy Way" eq. (10) and the P(alive) note; Gamma-Gamma conditional spend,
/// Fader, Hardie &amp; Lee (2005) JMR eq. (5); CLV as in <see cref="LifetimeValue"/>.
/// </summary>
public static class ClvFeatures
{
    /// <summary>The fitted models and the new columns, in the order of the histories' customers.</summary>
    public sealed record Result(BgNbdModel Transactions, GammaGammaModel Spend, IReadOnlyList<(string Name, double[] Values)> Columns);

    /// <summary>Fits and predicts. Customers whose mean repeat spend is ≤ 0 (returns netted) are valued at zero spend.</summary>
    public static Result Compute(CustomerHistories histories, ClvFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.HorizonMonths);
        var n = histories.CustomerIds.Count;
        var weeks = new CustomerHistory[n];
        for (var i = 0; i < n; i++)
            weeks[i] = new CustomerHistory(histories.Frequency[i],
                TimeUnits.FromDays(histories.FirstToLastDays[i], TimeUnit.Week), TimeUnits.FromDays(histories.TenureDays[i], TimeUnit.Week));
        var transactions = BgNbd.Fit(HistoryCells.Compress(weeks));
        var meanSpend = histories.RepeatMonetaryMean.Select(m => double.IsNaN(m) ? 0 : Math.Max(0, m)).ToArray();
        var spendInput = weeks.Select((h, i) => (h, m: meanSpend[i])).Where(p => p.h.Frequency > 0 && p.m > 0)
            .Select(p => new SpendHistory(p.h.Frequency, p.m)).ToArray();
        var spend = GammaGamma.Fit(spendInput);

        var horizonWeeks = TimeUnits.Convert(options.HorizonMonths, TimeUnit.Month, TimeUnit.Week);
        var alive = new double[n];
        var purchases = new double[n];
        var expSpend = new double[n];
        var clv = new double[n];
        transactions.ProbabilityAlive(weeks, alive);
        transactions.ExpectedPurchases(horizonWeeks, weeks, purchases);
        for (var i = 0; i < n; i++) expSpend[i] = spend.ExpectedSpend(weeks[i].Frequency, meanSpend[i]);
        LifetimeValue.Compute(transactions, spend, weeks, meanSpend, clv, new ClvOptions
        {
            ModelTimeUnit = TimeUnit.Week,
            Period = DiscountPeriod.Month,
            Periods = options.HorizonMonths,
            DiscountRate = options.DiscountMonthly,
            Margin = options.Margin,
        });
        var h = options.HorizonMonths;
        List<(string Name, double[] Values)> columns =
        [
            ("p_alive", alive),
            ($"exp_purchases_{h}m", purchases),
            ("exp_spend", expSpend),
            ($"clv_{h}m", clv),
        ];
        if (ProfitOverHorizon(histories, clv, options) is { } profit) columns.Add(($"profit_{h}m", profit));
        return new Result(transactions, spend, columns);
    }

    /// <summary>
    /// profit_{h}m = clv_{h}m × margin rate − expected cost to serve (<see cref="ProfitValue"/>), when the features carry a gross
    /// margin and interaction costs; null otherwise. clv_{h}m is a revenue CLV here only when <see cref="ClvFeatureOptions.Margin"/>
    /// is 1; with another margin the observed rate would apply twice, so the margin option is divided out first.
    /// </summary>
    private static double[]? ProfitOverHorizon(CustomerHistories histories, double[] clv, ClvFeatureOptions options)
    {
        if (histories.Revenue is not { } revenue || histories.GrossMargin is not { } margin || histories.ContactCost90d is not { } cost)
            return null;
        if (MarginRates.Observed(revenue, margin) is not { } rates) return null;
        var revenueClv = options.Margin > 0 ? clv.Select(v => v / options.Margin).ToArray() : new double[clv.Length];
        var profit = new double[clv.Length];
        var costs = cost.Select(c => double.IsNaN(c) ? 0 : c).ToArray();
        ProfitValue.Compute(revenueClv, rates, costs, options.HorizonMonths, options.DiscountMonthly, profit);
        return profit;
    }
}
