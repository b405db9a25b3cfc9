using Segmenta.Core.Snapshots;

namespace Segmenta.Core.Tests.Snapshots;

public sealed class AsOfCalendarTests
{
    [Fact]
    public void Dates_Monthly_LastDayOfEachMonth()
    {
        var dates = AsOfCalendar.Dates(new DateOnly(2023, 12, 1), new DateOnly(2024, 3, 1), BackfillEvery.Month);
        Assert.Equal([new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 31)], dates);
    }

    [Fact]
    public void Dates_Quarterly_QuarterEndsInsideRange()
    {
        var dates = AsOfCalendar.Dates(new DateOnly(2023, 1, 1), new DateOnly(2024, 2, 1), BackfillEvery.Quarter);
        Assert.Equal([new DateOnly(2023, 3, 31), new DateOnly(2023, 6, 30), new DateOnly(2023, 9, 30), new DateOnly(2023, 12, 31)], dates);
    }
}
