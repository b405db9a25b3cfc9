using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Tests.Clv;

public class BgNbdTests
{
    private static readonly Lazy<HistoryCells> Cdnow = new(() => HistoryCells.Compress(ReferenceData.CdnowSummary()));
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void Fit_CdnowSummary_ReproducesPublishedParameters()
    {
        var model = BgNbd.Fit(Cdnow.Value);

        Assert.True(ReferenceData.Rel(model.R, 0.243) < 0.005, $"r = {model.R}");
        Assert.True(ReferenceData.Rel(model.Alpha, 4.414) < 0.005, $"alpha = {model.Alpha}");
        Assert.True(ReferenceData.Rel(model.A, 0.793) < 0.005, $"a = {model.A}");
        Assert.True(ReferenceData.Rel(model.B, 2.426) < 0.005, $"b = {model.B}");
        Assert.Equal(-9582.4, model.Fit!.LogLikelihood, 0.1);
        Assert.True(model.Fit.Converged);
        Assert.Equal(2357, model.Fit.NumberOfCustomers);
        Assert.All(model.Fit.StandardErrors.Values, se => Assert.True(se > 0 && se < 1));
        Assert.Equal(["r", "alpha", "a", "b"], model.Fit.Parameters.Keys);
    }

    [Fact]
    public void Fit_OneStartOrFive_SameOptimum()
    {
        var one = BgNbd.Fit(Cdnow.Value, new FitOptions { Starts = 1 });
        var five = BgNbd.Fit(Cdnow.Value, new FitOptions { Starts = 5 });
        Assert.Equal(one.Fit!.LogLikelihood, five.Fit!.LogLikelihood, 4);
    }

    [Fact]
    public void Fit_L2Penalty_ShrinksParameters()
    {
        var plain = BgNbd.Fit(Cdnow.Value);
        var penalised = BgNbd.Fit(Cdnow.Value, new FitOptions { L2Penalty = 0.01 });
        Assert.True(penalised.Alpha < plain.Alpha);
        Assert.True(penalised.Fit!.LogLikelihood < plain.Fit!.LogLikelihood);
    }

    [Fact]
    public void LogLikelihood_PublishedPoint_MatchesPaper()
    {
        Assert.Equal(-9582.4, BgNbd.LogLikelihood(Cdnow.Value, 0.243, 4.414, 0.793, 2.426), 0.5);
    }

    [Fact]
    public void LogLikelihood_SingleNonRepeater_EqualsClosedForm()
    {
        // x = 0: L = (α/(α+T))^r.
        var cells = HistoryCells.Compress([new CustomerHistory(0, 0, 10)]);
        Assert.Equal(0.5 * Math.Log(2.0 / 12.0), BgNbd.LogLikelihood(cells, 0.5, 2, 1, 3), 12);
    }

    [Fact]
    public void Gradient_CdnowAtArbitraryPoint_MatchesFiniteDifferences()
    {
        double[] p = [0.4, 3.0, 1.2, 2.0];
        var g = new double[4];
        BgNbdLikelihood.Evaluate(Cdnow.Value, p, g);
        var numeric = ReferenceData.NumericGradient(q => BgNbdLikelihood.Evaluate(Cdnow.Value, q, new double[4]), p);
        for (var i = 0; i < 4; i++) Assert.True(ReferenceData.Rel(g[i], numeric[i]) < 1e-5, $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void ExpectedPurchases_PaperExampleCustomer_Matches1226()
    {
        // FHL (2005) §5: x = 2, tₓ = 30.43, T = 38.86, next 39 weeks → 1.226.
        Assert.Equal(1.226, Published.ExpectedPurchases(39, 2, 30.43, 38.86), 3);
    }

    [Fact]
    public void ExpectedPurchases_NewCustomer_EqualsPopulationFormula()
    {
        Assert.Equal(Published.ExpectedPurchases(52), Published.ExpectedPurchases(52, 0, 0, 0), 12);
        Assert.Equal(0, Published.ExpectedPurchases(0));
        // Population mean E[X(t)] is increasing in t.
        Assert.True(Published.ExpectedPurchases(78) > Published.ExpectedPurchases(39));
    }

    [Fact]
    public void ProbabilityAlive_Boundaries_AreConsistent()
    {
        Assert.Equal(1.0, Published.ProbabilityAlive(0, 0, 38));
        var recent = Published.ProbabilityAlive(3, 38, 38);   // tₓ = T
        var old = Published.ProbabilityAlive(3, 5, 38);
        Assert.Equal(1 / (1 + 0.793 / (2.426 + 2)), recent, 12);
        Assert.True(old < recent);
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOne()
    {
        double sum = 0;
        for (var k = 0; k < 300; k++) sum += Published.ProbabilityOfPurchases(39, k);
        Assert.Equal(1.0, sum, 6);
        // The mean of the distribution equals eq. (7).
        double mean = 0;
        for (var k = 0; k < 300; k++) mean += k * Published.ProbabilityOfPurchases(39, k);
        Assert.Equal(Published.ExpectedPurchases(39), mean, 5);
    }

    [Fact]
    public void Fit_NoRepeatBuyers_ThrowsInputException()
    {
        var cells = HistoryCells.Compress([new CustomerHistory(0, 0, 10), new CustomerHistory(0, 0, 20)]);
        var e = Assert.Throws<SegmentaInputException>(() => BgNbd.Fit(cells));
        Assert.Contains("repeat", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchPredictions_MatchSinglePredictions()
    {
        var customers = ReferenceData.CdnowSummary();
        var dest = new double[customers.Length];
        Published.ExpectedPurchases(39, customers, dest);
        Assert.Equal(Published.ExpectedPurchases(39, customers[0].Frequency, customers[0].Recency, customers[0].T), dest[0]);
    }
}
