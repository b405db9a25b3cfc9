namespace Segmenta.Core.Synthetic;

/// <summary>
/// The fixed calendar of the synthetic data: a three-year observation window 2022-01-01 .. 2024-12-31
/// (1096 days) ending at the as-of date. Days are counted from <see cref="WindowStart"/> (day 0).
/// </summary>
public static class SyntheticCalendar
{
    /// <summary>Number of calendar days in the window, both ends included.</summary>
    public const int WindowDays = 1096;

    /// <summary>First purchases fall uniformly on days 0 .. <c>FirstPurchaseDays - 1</c> (the first half of the window).</summary>
    public const int FirstPurchaseDays = WindowDays / 2;

    /// <summary>A customer signs up at most this many days before the first purchase.</summary>
    public const int SignupLeadMaxDays = 365;

    /// <summary>The as-of date, the last day of the window: 2024-12-31.</summary>
    public static DateOnly AsOf { get; } = new(2024, 12, 31);

    /// <summary>The first day of the window (day 0): 2022-01-01.</summary>
    public static DateOnly WindowStart { get; } = AsOf.AddDays(-(WindowDays - 1));

    /// <summary>The calendar date of a day number (day 0 = <see cref="WindowStart"/>; negative days lie before the window).</summary>
    public static DateOnly ToDate(int day) => WindowStart.AddDays(day);
}
