using Segmenta.Core.Clv;
using Segmenta.Core.Propensity;

namespace Segmenta.Core.Tests.Propensity;

public class BgNbdBaselineTests
{
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void ProbabilityNoPurchase_NewCustomer_EqualsPublishedZeroCount()
    {
        // x = 0, T = 0: P(no purchase in (0, t]) must be BG/NBD's P(X(t) = 0) = (α/(α+t))^r (Fader, Hardie & Lee 2005, eq. (8), k = 0).
        var baseline = new BgNbdBaseline(Cdnow, null, [new CustomerHistory(0, 0, 0)], [0]);
        var p = baseline.ProbabilityNoPurchase(39 * 7)[0];

        Assert.Equal(Cdnow.ProbabilityOfPurchases(39, 0), p, 10);
        Assert.Equal(Math.Pow(4.414 / (4.414 + 39), 0.243), p, 10);
    }

    [Fact]
    public void ProbabilityNoPurchase_RepeatBuyer_CombinesPAliveAndQuietSpell()
    {
        var h = new CustomerHistory(2, 30.43, 38.86);
        var baseline = new BgNbdBaseline(Cdnow, null, [h], [0]);
        var alive = Cdnow.ProbabilityAlive(h.Frequency, h.Recency, h.T);
        var quiet = Math.Pow((4.414 + h.T) / (4.414 + h.T + 39), 0.243 + 2);

        Assert.Equal(1 - (alive * (1 - quiet)), baseline.ProbabilityNoPurchase(39 * 7)[0], 12);
        Assert.Equal(1 - alive, baseline.OneMinusPAlive()[0], 12);
        Assert.True(baseline.ProbabilityNoPurchase(39 * 7)[0] > 1 - alive);
    }
}
