namespace Segmenta.Core.Clv;

/// <summary>The period over which a discount rate is quoted and cash flows are grouped in a CLV sum.</summary>
public enum DiscountPeriod
{
    /// <summary>A month of 365.25 / 12 = 30.4375 days (<see cref="TimeUnits.DaysPerMonth"/>).</summary>
    Month = 0,

    /// <summary>A year of 365.25 days (<see cref="TimeUnits.DaysPerYear"/>).</summary>
    Year = 1,
}
