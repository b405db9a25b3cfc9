using MathNet.Numerics;
using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

/// <summary>Per-customer P(Y(t) = k | x, tₓ, T) and P(no purchase) for every transaction model.</summary>
public class PurchaseCountTests
{
    private const int MaxK = 300;

    public static TheoryData<string, double, double, double, double> Histories()
    {
        var data = new TheoryData<string, double, double, double, double>();
        (double X, double Tx, double T)[] histories = [(0, 0, 38.86), (1, 1.71, 38.86), (2, 30.43, 38.86), (7, 35, 38), (20, 37, 38.86), (4, 30, 30)];
        foreach (var model in new[] { "bgnbd", "mbgnbd", "paretonbd" })
            foreach (var (x, tx, t) in histories)
                foreach (var horizon in new[] { 39.0, 52.0 })
                    data.Add(model, horizon, x, tx, t);
        return data;
    }

    private static ITransactionModel Model(string name) => name switch
    {
        "bgnbd" => new BgNbdModel(0.243, 4.414, 0.793, 2.426),
        "mbgnbd" => new MbgNbdModel(0.525, 6.183, 0.891, 1.614),
        _ => new ParetoNbdModel(0.553, 10.578, 0.606, 11.669),
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void ProbabilityOfPurchases_CdnowParameters_SumsToOneAndMatchesExpectation(string name, double horizon, double x, double tx, double t)
    {
        var model = Model(name);
        double total = 0, mean = 0;
        for (var k = 0; k <= MaxK; k++)
        {
            var p = model.ProbabilityOfPurchases(horizon, k, x, tx, t);
            Assert.True(p >= 0 && p <= 1, $"P(Y={k}) = {p}");
            total += p;
            mean += k * p;
        }
        Assert.Equal(1.0, total, 1e-9);
        var expected = model.ExpectedPurchases(horizon, x, tx, t);
        Assert.True(Math.Abs(mean - expected) <= 1e-7 * Math.Max(1, expected), $"Σ k P = {mean}, E[Y] = {expected}");
    }

    [Theory]
    [InlineData("bgnbd")]
    [InlineData("mbgnbd")]
    [InlineData("paretonbd")]
    public void ProbabilityOfPurchases_NewCustomer_EqualsUnconditionalPmfAndMean(string name)
    {
        var model = Model(name);
        double total = 0, mean = 0;
        for (var k = 0; k <= MaxK; k++)
        {
            var p = model.ProbabilityOfPurchases(52, k);
            Assert.Equal(model.ProbabilityOfPurchases(52, k, 0, 0, 0), p, 1e-14);
            total += p;
            mean += k * p;
        }
        Assert.Equal(1.0, total, 1e-9);
        Assert.Equal(model.ExpectedPurchases(52), mean, 1e-7);
    }

    [Fact]
    public void ProbabilityOfNoPurchase_Batch_EqualsOneCustomerPmfAndDeadShare()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        CustomerHistory[] customers = [new(0, 0, 38.86), new(2, 5, 38.86), new(2, 38, 38.86)];
        var p0 = new double[3];
        model.ProbabilityOfNoPurchase(26, customers, p0);
        for (var i = 0; i < 3; i++)
        {
            var c = customers[i];
            Assert.Equal(model.ProbabilityOfPurchases(26, 0, c.Frequency, c.Recency, c.T), p0[i], 15);
            // At least the dead share: P(Y = 0) ≥ 1 − P(alive).
            Assert.True(p0[i] >= 1 - model.ProbabilityAlive(c.Frequency, c.Recency, c.T) - 1e-15);
        }
        // A long-silent customer is more likely to buy nothing than a recent one with the same frequency.
        Assert.True(p0[1] > p0[2]);
    }

    [Fact]
    public void ParetoNbdPmf_ClosedForm_MatchesQuadratureOfTheDeathTimeIntegral()
    {
        // P(X(t)=k) = Γ(r+k)/(Γ(r)k!) α^r t^k/(α+t)^(r+k) (β/(β+t))^s
        //           + Γ(r+k)/(Γ(r)k!) α^r s β^s ∫₀ᵗ τ^k (α+τ)^−(r+k) (β+τ)^−(s+1) dτ   (death at τ after k purchases).
        foreach (var (r, alpha, s, beta) in new[] { (0.553, 10.578, 0.606, 11.669), (1.4, 20.0, 0.9, 3.0) })
        {
            var model = new ParetoNbdModel(r, alpha, s, beta);
            const double t = 30;
            for (var k = 0; k <= 12; k++)
            {
                var kk = k;
                var lnC = SpecialFunctions.GammaLn(r + k) - SpecialFunctions.GammaLn(r) - SpecialFunctions.GammaLn(k + 1.0) + r * Math.Log(alpha);
                var alive = Math.Exp(lnC + k * Math.Log(t) - (r + k) * Math.Log(alpha + t) + s * (Math.Log(beta) - Math.Log(beta + t)));
                var integral = Integrate.OnClosedInterval(
                    tau => Math.Exp(lnC + Math.Log(s) + s * Math.Log(beta) + (kk == 0 ? 0 : kk * Math.Log(tau))
                        - (r + kk) * Math.Log(alpha + tau) - (s + 1) * Math.Log(beta + tau)), 0, t, 1e-12);
                Assert.Equal(alive + integral, model.ProbabilityOfPurchases(t, k), 1e-11);
            }
        }
    }

    [Theory]
    [InlineData(0, 0, 6, 5)]
    [InlineData(6, 6, 6, 5)]
    [InlineData(3, 4, 6, 10)]
    [InlineData(1, 1, 6, 10)]
    public void BgBbProbabilityOfPurchases_Donations_SumsToOneAndMatchesEquation13(double x, double tx, double n, int future)
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        double total = 0, mean = 0;
        for (var k = 0; k <= future + 1; k++)
        {
            var p = model.ProbabilityOfPurchases(future, k, x, tx, n);
            Assert.True(p >= 0 && p <= 1);
            total += p;
            mean += k * p;
        }
        Assert.Equal(0, model.ProbabilityOfPurchases(future, future + 1, x, tx, n));
        Assert.Equal(1.0, total, 1e-12);
        Assert.Equal(model.ExpectedPurchases(future, x, tx, n), mean, 1e-10);
    }

    [Fact]
    public void BgBbProbabilityOfPurchases_NewCustomer_EqualsUnconditionalPmf()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        double total = 0;
        for (var k = 0; k <= 6; k++)
        {
            Assert.Equal(model.ProbabilityOfPurchases(6, k), model.ProbabilityOfPurchases(6, k, 0, 0, 0), 14);
            total += model.ProbabilityOfPurchases(6, k);
        }
        Assert.Equal(1.0, total, 12);
    }
}
