namespace Segmenta.Core.Snapshots;

/// <summary>How often a backfill takes a snapshot.</summary>
public enum BackfillEvery
{
    /// <summary>At the last day of every month.</summary>
    Month,
    /// <summary>At the last day of every calendar quarter (March, June, September, December).</summary>
    Quarter,
}

/// <summary>The as-of dates of a backfill.</summary>
public static class AsOfCalendar
{
    /// <summary>
    /// The period ends from month <paramref name="from"/> to month <paramref name="to"/> (both included; only year and month
    /// are used): the last day of each month, or of each quarter whose last month lies in the range. As-of dates are the
    /// last day included, so the snapshot of 2023-01 uses every transaction up to and including 2023-01-31.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<DateOnly> Dates(DateOnly from, DateOnly to, BackfillEvery every)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        if (last < first) throw new ArgumentException($"The end month {to:yyyy-MM} is before the start month {from:yyyy-MM}.", nameof(to));
        var dates = new List<DateOnly>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            if (every == BackfillEvery.Quarter && month.Month % 3 != 0) continue;
            dates.Add(month.AddMonths(1).AddDays(-1));
        }
        return dates;
    }
}
