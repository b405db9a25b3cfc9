using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Tests.Clv;

public class BgBbTests
{
    private static readonly Lazy<HistoryCells> Donations = new(() => HistoryCells.Compress(ReferenceData.Donations()));

    [Fact]
    public void Fit_Donations_ReproducesPublishedParameters()
    {
        var model = BgBb.Fit(Donations.Value);

        Assert.True(ReferenceData.Rel(model.Alpha, 1.204) < 0.005, $"alpha = {model.Alpha}");
        Assert.True(ReferenceData.Rel(model.Beta, 0.750) < 0.005, $"beta = {model.Beta}");
        Assert.True(ReferenceData.Rel(model.Gamma, 0.657) < 0.005, $"gamma = {model.Gamma}");
        Assert.True(ReferenceData.Rel(model.Delta, 2.783) < 0.005, $"delta = {model.Delta}");
        Assert.Equal(-33225.6, model.Fit!.LogLikelihood, 0.1);
        Assert.Equal(11104, model.Fit.NumberOfCustomers);
    }

    [Fact]
    public void LogLikelihood_PublishedPoint_MatchesPaper() =>
        Assert.Equal(-33225.6, BgBb.LogLikelihood(Donations.Value, 1.204, 0.750, 0.657, 2.783), 1.0);

    [Theory]
    [InlineData(1.204, 0.750, 0.657, 2.783)]
    [InlineData(0.3, 4.0, 2.5, 0.4)]
    [InlineData(6.0, 1.5, 0.9, 12.0)]
    public void Gradient_Donations_MatchesCentralDifferences(double alpha, double beta, double gamma, double delta)
    {
        double[] p = [alpha, beta, gamma, delta];
        var g = new double[4];
        var ll = BgBbLikelihood.Evaluate(Donations.Value, p, g);
        var numeric = ReferenceData.NumericGradient5(q => BgBbLikelihood.Evaluate(Donations.Value, q), p);

        Assert.Equal(BgBbLikelihood.Evaluate(Donations.Value, p), ll, 1e-9 * Math.Abs(ll));
        for (var i = 0; i < 4; i++)
            Assert.True(Math.Abs(g[i] - numeric[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric[i])), $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void LogLikelihood_OneOpportunityNoTransaction_EqualsHandComputation()
    {
        // n = 1, x = 0, tₓ = 0 with α=β=γ=δ=1: alive term B(1,2)/B(1,1)·B(1,2)/B(1,1) = 1/4,
        // died-after-0 term B(1,1)/B(1,1)·B(2,1)/B(1,1) = 1/2 → L = 3/4.
        Assert.Equal(Math.Log(0.75), BgBb.LogLikelihood(HistoryCells.Compress([new CustomerHistory(0, 0, 1)]), 1, 1, 1, 1), 12);
    }

    [Fact]
    public void Predictions_Boundaries_AreConsistent()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        Assert.True(model.ProbabilityAlive(6, 6, 6) > model.ProbabilityAlive(0, 0, 6));
        Assert.True(model.ProbabilityAlive(3, 6, 6) > model.ProbabilityAlive(3, 3, 6));
        Assert.Equal(0, model.ExpectedPurchases(0, 3, 6, 6));
        Assert.True(model.ExpectedPurchases(5, 6, 6, 6) > model.ExpectedPurchases(5, 1, 1, 6));
    }
}
