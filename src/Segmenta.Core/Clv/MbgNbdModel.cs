using Segmenta.Core.Clv.Internal;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.Clv;

/// <summary>
/// An MBG/NBD model: as BG/NBD, but a customer may also drop out right after the first purchase, so a customer with
/// x = 0 is not certainly alive (Batislam, Denizel &amp; Filiztekin 2007). Times are in the unit of the data.
/// </summary>
/// <param name="R">Shape of the purchase-rate gamma distribution (r), &gt; 0.</param>
/// <param name="Alpha">Scale of the purchase-rate gamma distribution (α), &gt; 0.</param>
/// <param name="A">First shape of the dropout-probability beta distribution (a), &gt; 0.</param>
/// <param name="B">Second shape of the dropout-probability beta distribution (b), &gt; 0.</param>
public sealed record MbgNbdModel(double R, double Alpha, double A, double B) : ITransactionModel
{
    /// <inheritdoc />
    public ModelFit? Fit { get; init; }

    /// <summary>
    /// E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]: the conditional expectation at x = tₓ = T = 0.
    /// Batislam et al. (2007); BTYDplus mbgcnbd.Expectation with k = 1.
    /// </summary>
    public double ExpectedPurchases(double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return ExpectedPurchases(t, 0, 0, 0);
    }

    /// <summary>
    /// E[Y(t) | x, tₓ, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive).
    /// Batislam et al. (2007); BTYDplus mbgcnbd.ConditionalExpectedTransactions with k = 1.
    /// </summary>
    public double ExpectedPurchases(double t, double frequency, double recency, double age)
    {
        if (t == 0) return 0;
        double x = frequency, r = R + x;
        var powerLn = r * (Math.Log(Alpha + age) - Math.Log(Alpha + age + t));
        var f = Hypergeometric2F1.Evaluate(r, B + x + 1, A + B + x, t / (Alpha + age + t));
        return (A + B + x) / (A - 1) * (1 - Math.Exp(powerLn + Math.Log(f))) * ProbabilityAlive(x, recency, age);
    }

    /// <summary>
    /// P(alive | x, tₓ, T) = 1 / [1 + (a/(b+x)) ((α+T)/(α+tₓ))^(r+x)], for every x including 0.
    /// Batislam et al. (2007); BTYDplus mbgcnbd.PAlive with k = 1.
    /// </summary>
    public double ProbabilityAlive(double frequency, double recency, double age)
    {
        var tx = frequency == 0 ? 0 : recency;
        var ln = Math.Log(A) - Math.Log(B + frequency) + (R + frequency) * (Math.Log(Alpha + age) - Math.Log(Alpha + tx));
        return 1 / (1 + Math.Exp(ln));
    }

    /// <inheritdoc />
    public double ProbabilityOfPurchases(double t, int k) => ProbabilityOfPurchases(t, k, 0, 0, 0);

    /// <summary>
    /// P(Y(t) = k | x, tₓ, T) = δ_{k0}(1 − P(alive)) + P(alive) · P_BG/NBD(X(t) = k | r+x, α+T, a, b+x+1): an alive
    /// customer's posterior is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1) (she survived x+1 dropout draws), and from T on
    /// she buys as a BG/NBD customer (Batislam et al. 2007; the same argument gives the conditional expectation above,
    /// BTYDplus mbgcnbd.ConditionalExpectedTransactions). The alive PMF is Fader, Hardie &amp; Lee (2005), eq. (8).
    /// </summary>
    public double ProbabilityOfPurchases(double t, int k, double frequency, double recency, double age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return PurchaseCountPmf.Mix(ProbabilityAlive(frequency, recency, age),
            PurchaseCountPmf.BgNbd(R + frequency, Alpha + age, A, B + frequency + 1, t, k), k);
    }
}
