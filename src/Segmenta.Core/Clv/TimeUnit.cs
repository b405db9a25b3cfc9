namespace Segmenta.Core.Clv;

/// <summary>
/// The unit in which recency (tₓ), age (T) and prediction horizons (t) are measured. Every conversion from
/// calendar days is explicit: see <see cref="TimeUnits"/>.
/// </summary>
public enum TimeUnit
{
    /// <summary>One calendar day.</summary>
    Day = 0,

    /// <summary>Seven calendar days.</summary>
    Week = 1,

    /// <summary>One twelfth of a Julian year: 365.25 / 12 = 30.4375 days (not 30).</summary>
    Month = 2,
}
