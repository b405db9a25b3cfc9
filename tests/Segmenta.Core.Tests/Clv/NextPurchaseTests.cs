using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class NextPurchaseTests
{
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void ExpectedTime_FrequentBuyer_ExpectedPurchasesReachOne()
    {
        var t = NextPurchase.ExpectedTime(Cdnow, 10, 38, 39, 104);
        Assert.NotNull(t);
        Assert.Equal(1, Cdnow.ExpectedPurchases(t.Value, 10, 38, 39), 6);
        Assert.InRange(t.Value, 0, 104);
    }

    [Fact]
    public void ExpectedTime_ExpectedBelowOneWithinHorizon_Null()
    {
        // x = 0: E[Y(52)] ≈ 0.3 on CDNOW, so no purchase is expected within a year.
        Assert.True(Cdnow.ExpectedPurchases(52, 0, 0, 39) < 1);
        Assert.Null(NextPurchase.ExpectedTime(Cdnow, 0, 0, 39, 52));
    }

    [Fact]
    public void ExpectedTime_HorizonExactlyAtSolution_ReturnsHorizon()
    {
        var t = NextPurchase.ExpectedTime(Cdnow, 10, 38, 39, 104)!.Value;
        Assert.Equal(t, NextPurchase.ExpectedTime(Cdnow, 10, 38, 39, t)!.Value, 6);
        Assert.Null(NextPurchase.ExpectedTime(Cdnow, 10, 38, 39, t * 0.99));
    }

    [Fact]
    public void ExpectedTime_LikelyChurned_LaterThanActive()
    {
        var active = NextPurchase.ExpectedTime(Cdnow, 5, 38, 39, 520)!.Value;
        var lapsed = NextPurchase.ExpectedTime(Cdnow, 5, 10, 39, 520);
        Assert.True(lapsed is null || lapsed > active);
    }

    [Fact]
    public void ExpectedTimes_Batch_MatchesSingleAndNaNForNone()
    {
        CustomerHistory[] h = [new(10, 38, 39), new(0, 0, 39), new(10, 38, 39)];
        var d = new double[3];
        NextPurchase.ExpectedTimes(Cdnow, h, 104, d);
        Assert.Equal(NextPurchase.ExpectedTime(Cdnow, 10, 38, 39, 104)!.Value, d[0], 12);
        Assert.True(double.IsNaN(d[1]));
        Assert.Equal(d[0], d[2]);
    }

    [Fact]
    public void ExpectedTime_NonPositiveHorizon_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NextPurchase.ExpectedTime(Cdnow, 1, 1, 2, 0));
}
