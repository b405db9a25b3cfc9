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
    public sealed record Result(BgNbdModel Transactions, GammaGammaModel Spend, IReadOnlyList<(string Name, double[] Values)> Columns)
    {
        /// <summary>Names of the added columns (also when they were computed inside the engine and <see cref="Columns"/> is empty).</summary>
        public IReadOnlyList<string> ColumnNames { get; init; } = [.. Columns.Select(c => c.Name)];
    }

    /// <summary>
    /// Adds the CLV columns to the engine's feature table: by cells inside the engine when it is an
    /// <see cref="IClvCellEngine"/> (only cells travel), else from the per-customer histories.
    /// </summary>
    public static async Task<Result> AddToAsync(Ports.ISegmentationEngine engine, ClvFeatureOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine is IClvCellEngine cellEngine)
        {
            var cells = await cellEngine.ReadClvCellsAsync(cancellationToken).ConfigureAwait(false);
            var (result, scores) = Compute(cells, options);
            await cellEngine.AddClvScoresAsync(scores, cancellationToken).ConfigureAwait(false);
            return result;
        }
        var histories = await engine.ReadHistoriesAsync(cancellationToken).ConfigureAwait(false);
        var models = Compute(histories, options);
        await engine.AddFeatureColumnsAsync(histories.CustomerIds, models.Columns, cancellationToken).ConfigureAwait(false);
        return models;
    }

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
        var meanSpend = histories.RepeatMonetaryMean.Select(MeanSpend).ToArray();
        var spendInput = weeks.Select((h, i) => (h, m: meanSpend[i])).Where(p => p.h.Frequency > 0 && p.m > 0)
            .Select(p => new SpendHistory(p.h.Frequency, p.m)).ToArray();
        var spend = GammaGamma.Fit(spendInput);

        var horizonWeeks = HorizonWeeks(options);
        var alive = new double[n];
        var purchases = new double[n];
        var expSpend = new double[n];
        var clv = new double[n];
        transactions.ProbabilityAlive(weeks, alive);
        transactions.ExpectedPurchases(horizonWeeks, weeks, purchases);
        for (var i = 0; i < n; i++) expSpend[i] = spend.ExpectedSpend(weeks[i].Frequency, meanSpend[i]);
        LifetimeValue.Compute(transactions, spend, weeks, meanSpend, clv, LifetimeOptions(options));
        var names = ColumnNames(options, profit: false);
        List<(string Name, double[] Values)> columns = [(names[0], alive), (names[1], purchases), (names[2], expSpend), (names[3], clv)];
        if (ProfitOverHorizon(histories, clv, options) is { } profit) columns.Add(($"profit_{options.HorizonMonths}m", profit));
        return new Result(transactions, spend, columns);
    }

    /// <summary>
    /// Fits the same models on cells aggregated by the engine and predicts once per (x, tₓ, T) cell: the fits see the same
    /// cells in the same order as <see cref="Compute(CustomerHistories, ClvFeatureOptions)"/> builds from the customers,
    /// so the parameters and every per-customer value the engine derives from <see cref="ClvCellScores"/> are the same doubles.
    /// </summary>
    public static (Result Models, ClvCellScores Scores) Compute(ClvCells cells, ClvFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.HorizonMonths);
        var n = cells.Histories.Count;
        var weeks = new CustomerHistory[n];
        for (var i = 0; i < n; i++)
        {
            var c = cells.Histories[i];
            weeks[i] = new CustomerHistory(c.Frequency, TimeUnits.FromDays(c.Recency, TimeUnit.Week), TimeUnits.FromDays(c.T, TimeUnit.Week), c.Count);
        }
        var transactions = BgNbd.Fit(HistoryCells.Compress(weeks));
        var spend = GammaGamma.Fit([.. cells.Spend]);
        var alive = new double[n];
        var purchases = new double[n];
        var discounted = new double[n];
        transactions.ProbabilityAlive(weeks, alive);
        transactions.ExpectedPurchases(HorizonWeeks(options), weeks, purchases);
        var lifetime = LifetimeOptions(options);
        for (var i = 0; i < n; i++) discounted[i] = LifetimeValue.DiscountedPurchases(transactions, weeks[i].Frequency, weeks[i].Recency, weeks[i].T, lifetime);
        double? populationRate = cells.Profit is { Revenue: > 0 } sums ? sums.Margin / sums.Revenue : null;
        var scores = new ClvCellScores
        {
            Frequency = [.. cells.Histories.Select(c => (long)c.Frequency)],
            FirstToLastDays = [.. cells.Histories.Select(c => (long)c.Recency)],
            TenureDays = [.. cells.Histories.Select(c => (long)c.T)],
            ProbabilityAlive = alive,
            ExpectedPurchases = purchases,
            DiscountedPurchases = discounted,
            SpendDenominator = [.. weeks.Select(w => spend.P * w.Frequency + spend.Q - 1)],
            SpendP = spend.P,
            SpendV = spend.V,
            PopulationSpend = spend.ExpectedSpend(),
            Margin = options.Margin,
            PopulationMarginRate = populationRate,
            CostFactor = ProfitValue.MonthFactor(options.HorizonMonths, options.DiscountMonthly),
            Columns = ColumnNames(options, populationRate is not null),
        };
        return (new Result(transactions, spend, []) { ColumnNames = scores.Columns }, scores);
    }

    private static double MeanSpend(double m) => double.IsNaN(m) ? 0 : Math.Max(0, m);

    private static double HorizonWeeks(ClvFeatureOptions options) => TimeUnits.Convert(options.HorizonMonths, TimeUnit.Month, TimeUnit.Week);

    private static ClvOptions LifetimeOptions(ClvFeatureOptions options) => new()
    {
        ModelTimeUnit = TimeUnit.Week,
        Period = DiscountPeriod.Month,
        Periods = options.HorizonMonths,
        DiscountRate = options.DiscountMonthly,
        Margin = options.Margin,
    };

    private static string[] ColumnNames(ClvFeatureOptions options, bool profit)
    {
        var h = options.HorizonMonths;
        string[] names = ["p_alive", $"exp_purchases_{h}m", "exp_spend", $"clv_{h}m"];
        return profit ? [.. names, $"profit_{h}m"] : names;
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
