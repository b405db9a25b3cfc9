namespace Segmenta.Core.Clv;

/// <summary>
/// Settings of a CLV calculation. The horizon is a whole number of discount periods; each period's length in the
/// model's time unit is derived explicitly: days per period (30.4375 or 365.25) / days per model unit.
/// </summary>
public sealed record ClvOptions
{
    /// <summary>Default horizon: 12 periods.</summary>
    public const int DefaultPeriods = 12;

    /// <summary>Default margin: 1 (revenue CLV).</summary>
    public const double DefaultMargin = 1.0;

    /// <summary>Time unit the transaction model was fitted in (the unit of x's recency and age).</summary>
    public required TimeUnit ModelTimeUnit { get; init; }

    /// <summary>Period over which <see cref="DiscountRate"/> is quoted and cash flows are grouped.</summary>
    public DiscountPeriod Period { get; init; } = DiscountPeriod.Month;

    /// <summary>Number of periods in the horizon (≥ 1).</summary>
    public int Periods { get; init; } = DefaultPeriods;

    /// <summary>Discount rate d per period (≥ 0): a cash flow in period k is divided by (1 + d)^k.</summary>
    public double DiscountRate { get; init; }

    /// <summary>Profit margin as a fraction of revenue in [0, 1]; 1 gives revenue CLV.</summary>
    public double Margin { get; init; } = DefaultMargin;

    /// <summary>Length of one period in model time units: days per period / days per <see cref="ModelTimeUnit"/>.</summary>
    public double PeriodLength =>
        (Period == DiscountPeriod.Month ? TimeUnits.DaysPerMonth : TimeUnits.DaysPerYear) / TimeUnits.DaysPer(ModelTimeUnit);

    /// <summary>The monthly rate equivalent to an annual rate under compounding: (1 + annual)^(1/12) − 1.</summary>
    public static double MonthlyRateFromAnnual(double annualRate) => Math.Pow(1 + annualRate, 1.0 / 12) - 1;
}
