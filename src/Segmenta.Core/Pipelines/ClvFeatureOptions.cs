namespace Segmenta.Core.Pipelines;

/// <summary>Settings of the model-based customer features added by <c>segment --clv</c>.</summary>
public sealed record ClvFeatureOptions
{
    /// <summary>Default horizon: 12 months.</summary>
    public const int DefaultHorizonMonths = 12;

    /// <summary>Horizon in months; the columns are named after it (<c>exp_purchases_12m</c>, <c>clv_12m</c>).</summary>
    public int HorizonMonths { get; init; } = DefaultHorizonMonths;

    /// <summary>Monthly discount rate for CLV.</summary>
    public double DiscountMonthly { get; init; }

    /// <summary>Profit margin as a fraction of revenue (1 = revenue CLV).</summary>
    public double Margin { get; init; } = 1;
}
