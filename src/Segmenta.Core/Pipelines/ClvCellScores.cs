namespace Segmenta.Core.Pipelines;

/// <summary>
/// The <c>--clv</c> predictions per (frequency, first_to_last_days, tenure_days) cell, with the constants that turn a
/// customer's cell and own columns into its CLV columns inside the engine (<see cref="ClvFeatures"/> documents the
/// formulas; every per-customer value is the same IEEE operation sequence as <see cref="ClvFeatures.Compute(CustomerHistories, ClvFeatureOptions)"/>'s):
/// <list type="bullet">
/// <item><c>p_alive</c>, <c>exp_purchases_{h}m</c> = the cell's <see cref="ProbabilityAlive"/>, <see cref="ExpectedPurchases"/>.</item>
/// <item>m = max(0, repeat_monetary_mean) (0 when null); <c>exp_spend</c> = <see cref="PopulationSpend"/> when x = 0,
/// else (<see cref="SpendV"/> + m·x) · <see cref="SpendP"/> / <see cref="SpendDenominator"/> (Gamma-Gamma, JMR eq. (5)).</item>
/// <item><c>clv_{h}m</c> = <see cref="DiscountedPurchases"/> · (<see cref="Margin"/> · exp_spend).</item>
/// <item><c>profit_{h}m</c> (when <see cref="PopulationMarginRate"/> is set) = (clv / <see cref="Margin"/>, or 0 when the
/// margin is 0) · rate − coalesce(contact_cost_90d, 0) · <see cref="CostFactor"/>, rate = gross_margin / monetary_total,
/// or the population rate when the gross margin is null or revenue ≤ 0.</item>
/// </list>
/// </summary>
public sealed record ClvCellScores
{
    /// <summary>Repeat purchase days x of each cell.</summary>
    public required long[] Frequency { get; init; }

    /// <summary>tₓ in days of each cell.</summary>
    public required long[] FirstToLastDays { get; init; }

    /// <summary>T in days of each cell.</summary>
    public required long[] TenureDays { get; init; }

    /// <summary>P(alive | cell).</summary>
    public required double[] ProbabilityAlive { get; init; }

    /// <summary>E[purchases over the horizon | cell].</summary>
    public required double[] ExpectedPurchases { get; init; }

    /// <summary>Σ discounted expected purchases per month of the horizon (<see cref="Clv.LifetimeValue.DiscountedPurchases"/>).</summary>
    public required double[] DiscountedPurchases { get; init; }

    /// <summary>p·x + q − 1 of each cell's x (the Gamma-Gamma denominator).</summary>
    public required double[] SpendDenominator { get; init; }

    /// <summary>Gamma-Gamma p.</summary>
    public required double SpendP { get; init; }

    /// <summary>Gamma-Gamma γ.</summary>
    public required double SpendV { get; init; }

    /// <summary>E[Z] = pγ / (q − 1), the spend of a customer with x = 0 (+∞ when q ≤ 1).</summary>
    public required double PopulationSpend { get; init; }

    /// <summary>The margin option (fraction of revenue).</summary>
    public required double Margin { get; init; }

    /// <summary>The population gross-margin rate for profit; null when no profit column is computed.</summary>
    public double? PopulationMarginRate { get; init; }

    /// <summary>The cost-to-serve multiplier of one unit of 90-day contact cost (<see cref="Clv.ProfitValue.MonthFactor"/>).</summary>
    public double CostFactor { get; init; }

    /// <summary>Names of the columns to add, in order: p_alive, exp_purchases_{h}m, exp_spend, clv_{h}m[, profit_{h}m].</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Number of cells.</summary>
    public int Length => Frequency.Length;
}
