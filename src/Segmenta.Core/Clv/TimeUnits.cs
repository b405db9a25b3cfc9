namespace Segmenta.Core.Clv;

/// <summary>Explicit conversions between calendar days and a <see cref="TimeUnit"/>.</summary>
public static class TimeUnits
{
    /// <summary>Days in a week: 7.</summary>
    public const double DaysPerWeek = 7.0;

    /// <summary>Days in a month: a Julian year of 365.25 days divided by 12 = 30.4375.</summary>
    public const double DaysPerMonth = 365.25 / 12.0;

    /// <summary>Days in a year: the Julian year, 365.25.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Number of calendar days in one <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The unit is not a defined <see cref="TimeUnit"/>.</exception>
    public static double DaysPer(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => 1.0,
        TimeUnit.Week => DaysPerWeek,
        TimeUnit.Month => DaysPerMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit"),
    };

    /// <summary>Converts a duration in calendar days to <paramref name="unit"/>: days / <see cref="DaysPer"/>(unit).</summary>
    public static double FromDays(double days, TimeUnit unit) => days / DaysPer(unit);

    /// <summary>Converts a duration in <paramref name="unit"/> to calendar days: value × <see cref="DaysPer"/>(unit).</summary>
    public static double ToDays(double value, TimeUnit unit) => value * DaysPer(unit);

    /// <summary>Converts a duration from one unit to another through calendar days.</summary>
    public static double Convert(double value, TimeUnit from, TimeUnit to) => value * DaysPer(from) / DaysPer(to);

    /// <summary>How many <paramref name="unit"/>s make one year of 365.25 days (365.25, 52.18, 12).</summary>
    public static double PerYear(TimeUnit unit) => DaysPerYear / DaysPer(unit);
}
