using Segmenta.Core.Campaigns;

namespace Segmenta.Core.Tests.Campaigns;

public sealed class HoldoutTests
{
    private static Dictionary<string, string> Customers(int n, int strata) =>
        Enumerable.Range(0, n).ToDictionary(i => "C" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), i => "s" + (i % strata).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Draw_SameSeed_SameGroup_OtherSeed_OtherGroup()
    {
        var customers = Customers(1000, 1);
        Assert.Equal(Holdout.Draw(customers, 0.1, 42), Holdout.Draw(customers, 0.1, 42));
        Assert.NotEqual(Holdout.Draw(customers, 0.1, 42), Holdout.Draw(customers, 0.1, 43));
        Assert.Equal(100, Holdout.Draw(customers, 0.1, 42).Count);
    }

    [Fact]
    public void Draw_Stratified_RoundedShareInEveryStratum()
    {
        var customers = Customers(1003, 3);   // strata of 335, 334, 334
        var control = Holdout.Draw(customers, 0.25, 7);
        var byStratum = control.GroupBy(id => customers[id]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(84, byStratum["s0"]);    // round(335 · 0.25 = 83.75)
        Assert.Equal(84, byStratum["s1"]);    // round(83.5) half to even = 84
        Assert.Equal(84, byStratum["s2"]);
        Assert.Equal(control.Order(StringComparer.Ordinal), control);
    }

    [Fact]
    public void Draw_ShareOutsideOpenInterval_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Holdout.Draw(Customers(10, 1), 1.0, 1));
}
