using Segmenta.Core.Clv;

namespace Segmenta.Data.Models;

/// <summary>What <c>segmenta predict</c> computes.</summary>
public sealed record PredictionOptions
{
    /// <summary>Transaction model name: bgnbd, paretonbd or mbgnbd.</summary>
    public string Model { get; init; } = "bgnbd";

    /// <summary>Spend model name (gammagamma) or null for no spend / CLV.</summary>
    public string? SpendModel { get; init; }

    /// <summary>Time unit of the model (T, recency, horizon).</summary>
    public TimeUnit TimeUnit { get; init; } = TimeUnit.Week;

    /// <summary>Horizon in <see cref="TimeUnit"/> units for expected purchases; CLV uses the same horizon in whole months (rounded, at least 1).</summary>
    public double Horizon { get; init; } = 52;

    /// <summary>Monthly discount rate for CLV.</summary>
    public double DiscountMonthly { get; init; }

    /// <summary>Profit margin as a fraction of revenue (1 = revenue CLV).</summary>
    public double Margin { get; init; } = 1;

    /// <summary>Add delta-method 95% intervals of the expected purchases (<c>exp_purchases_lo</c>, <c>exp_purchases_hi</c>).</summary>
    public bool Intervals { get; init; }

    /// <summary>Whole months in the horizon, used as CLV discount periods.</summary>
    public int ClvMonths => Math.Max(1, (int)Math.Round(TimeUnits.ToDays(Horizon, TimeUnit) / TimeUnits.DaysPerMonth, MidpointRounding.AwayFromZero));
}
