namespace Segmenta.Core.Synthetic;

/// <summary>
/// The customer groups <c>segmenta generate --clusters K</c> plants (K = 2 .. 6: the first K archetypes below).
/// Each archetype fixes a purchase rate, a mean order value, a first-purchase window and an "active until" window;
/// customers vary around them (rate and order value × Gamma(11)/11, a 30 % coefficient of variation).
/// </summary>
/// <remarks>
/// Days count from <see cref="SyntheticCalendar.WindowStart"/> (0 .. 1095). A customer buys first on a uniform day of
/// the first-purchase window, then as a Poisson process of the archetype's weekly rate until a uniform day of the
/// active-until window (or the end of the window: still active). Order values are Gamma(p = 6.25) around the
/// customer's mean. The archetypes differ in frequency, spend, recency and tenure, so a 4-feature k-means
/// (recency_days, orders, monetary_total, tenure_days) should recover them.
/// </remarks>
public static class PlantedClusters
{
    /// <summary>Largest K supported.</summary>
    public const int MaxClusters = 6;

    /// <summary>One planted group.</summary>
    /// <param name="Name">Short English name (for docs and the truth file).</param>
    /// <param name="RatePerWeek">Mean repeat purchases per week.</param>
    /// <param name="MeanOrderValue">Mean amount per order.</param>
    /// <param name="FirstDayFrom">First purchase: earliest day.</param>
    /// <param name="FirstDayTo">First purchase: latest day.</param>
    /// <param name="ActiveUntilFrom">Last possible purchase: earliest day (≥ 1096 means active to the end).</param>
    /// <param name="ActiveUntilTo">Last possible purchase: latest day.</param>
    public sealed record Archetype(
        string Name, double RatePerWeek, double MeanOrderValue, int FirstDayFrom, int FirstDayTo, int ActiveUntilFrom, int ActiveUntilTo);

    /// <summary>The archetypes, in the order they are planted.</summary>
    public static IReadOnlyList<Archetype> Archetypes { get; } =
    [
        new("champions", 0.60, 120, 0, 400, SyntheticCalendar.WindowDays, SyntheticCalendar.WindowDays),
        new("lapsed_one_off", 0.03, 25, 0, 500, 520, 700),
        new("big_ticket", 0.05, 600, 0, 400, SyntheticCalendar.WindowDays, SyntheticCalendar.WindowDays),
        new("new", 0.25, 50, 1000, 1080, SyntheticCalendar.WindowDays, SyntheticCalendar.WindowDays),
        new("lapsed_regulars", 0.40, 60, 0, 200, 450, 650),
        new("steady_mid", 0.15, 80, 450, 650, SyntheticCalendar.WindowDays, SyntheticCalendar.WindowDays),
    ];
}
