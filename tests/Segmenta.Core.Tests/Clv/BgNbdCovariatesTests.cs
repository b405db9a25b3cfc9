using MathNet.Numerics.Distributions;
using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Tests.Clv;

public class BgNbdCovariatesTests
{
    [Fact]
    public void Fit_NoCovariates_EqualsPlainBgNbd()
    {
        var customers = ReferenceData.CdnowSummary();
        var none = CovariateMatrix.None(customers.Length);
        var model = BgNbdCovariates.Fit(customers, none, none);
        var plain = BgNbd.Fit(HistoryCells.Compress(customers));
        Assert.Equal(plain.Fit!.LogLikelihood, model.Fit!.LogLikelihood, 3);
        Assert.Equal(plain.R, model.R, 3);
    }

    [Fact]
    public void Gradient_WithCovariates_MatchesFiniteDifferences()
    {
        var customers = ReferenceData.CdnowSummary();
        var z = new double[customers.Length];
        for (var i = 0; i < z.Length; i++) z[i] = i % 3 == 0 ? 1 : 0;
        var life = new CovariateMatrix(z.Length, 1, z);
        var ll = new BgNbdCovariateLikelihood(customers, life, life);
        double[] p = [0.3, 4.0, 0.8, 2.5, 0.2, -0.3];
        var g = new double[6];
        ll.Evaluate(p, g);
        var numeric = ReferenceData.NumericGradient(q => ll.Evaluate(q, new double[6]), p);
        for (var i = 0; i < 6; i++) Assert.True(Math.Abs(g[i] - numeric[i]) < 1e-4 * Math.Max(1, Math.Abs(numeric[i])), $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void Fit_SimulatedGroupEffect_RecoversTransactionCoefficient()
    {
        const double trueGamma = 0.8;
        var (customers, z) = Simulate(20_000, trueGamma, new Random(7));
        var cov = new CovariateMatrix(z.Length, 1, z);
        var model = BgNbdCovariates.Fit(customers, CovariateMatrix.None(z.Length), cov);
        Assert.InRange(model.TransactionCoefficients[0], trueGamma - 0.2, trueGamma + 0.2);
        Assert.True(model.Fit!.StandardErrors["trans.0"] is > 0 and < 0.2);
        var high = model.ForCustomer([], [1.0]);
        var low = model.ForCustomer([], [0.0]);
        Assert.True(high.ExpectedPurchases(10) > low.ExpectedPurchases(10));
    }

    [Fact]
    public void Fit_RowCountMismatch_ThrowsInputException() =>
        Assert.Throws<SegmentaInputException>(() =>
            BgNbdCovariates.Fit(ReferenceData.CdnowSummary(), CovariateMatrix.None(3), CovariateMatrix.None(3)));

    /// <summary>BG/NBD simulation (r=0.5, α₀=5, a=0.8, b=2.5, T=40) with α = α₀ exp(−γ z), z ~ Bernoulli(0.5).</summary>
    private static (CustomerHistory[] Customers, double[] Z) Simulate(int n, double gamma, Random rng)
    {
        var customers = new CustomerHistory[n];
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = rng.Next(2);
            var lambda = Gamma.Sample(rng, 0.5, 5 * Math.Exp(-gamma * z[i]));
            var p = Beta.Sample(rng, 0.8, 2.5);
            double t = 0, tx = 0;
            var x = 0;
            while (true)
            {
                t += Exponential.Sample(rng, lambda);
                if (t > 40) break;
                x++;
                tx = t;
                if (rng.NextDouble() < p) break;
            }
            customers[i] = new CustomerHistory(x, tx, 40);
        }
        return (customers, z);
    }
}
