using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class ProfitValueTests
{
    private const double MonthOf90Days = 30.4375 / 90;   // one month of a 90-day contact cost

    [Fact]
    public void MonthFactor_NoDiscount_IsMonthsTimesMonthShare() =>
        Assert.Equal(12 * MonthOf90Days, ProfitValue.MonthFactor(12, 0), 12);   // 4.0583333…

    [Fact]
    public void MonthFactor_OnePercentMonthly_DiscountsEachMonth() =>
        // (30.4375 / 90) · (1/1.01 + 1/1.01²) = 0.66637666…
        Assert.Equal(0.6663766624187172, ProfitValue.MonthFactor(2, 0.01), 12);

    [Fact]
    public void ExpectedCostToServe_900PerQuarterOverAYear_Is3652Point5() =>
        Assert.Equal(3652.5, ProfitValue.ExpectedCostToServe(900, 12, 0), 9);

    [Fact]
    public void Compute_HandNumbers_MarginOnClvMinusCost()
    {
        var profit = new double[2];
        ProfitValue.Compute([1000, 200], [0.5, 0.2], [90, 0], 3, 0, profit);
        Assert.Equal(408.6875, profit[0], 9);   // 1000 · 0.5 − 90 · 3 · 30.4375/90
        Assert.Equal(40, profit[1], 12);        // no contacts: margin only
    }

    [Fact]
    public void Compute_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => ProfitValue.Compute([1, 2], [1], [1, 2], 1, 0, new double[2]));
}
