using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// A Pareto/NBD model: while active a customer buys at Poisson rate λ ~ Gamma(r, α) and stays active for an exponential
/// lifetime with rate μ ~ Gamma(s, β) (Schmittlein, Morrison &amp; Colombo 1987). Times are in the unit of the data.
/// </summary>
/// <param name="R">Shape of the purchase-rate gamma distribution (r), &gt; 0.</param>
/// <param name="Alpha">Scale of the purchase-rate gamma distribution (α), &gt; 0.</param>
/// <param name="S">Shape of the dropout-rate gamma distribution (s), &gt; 0.</param>
/// <param name="Beta">Scale of the dropout-rate gamma distribution (β), &gt; 0.</param>
public sealed record ParetoNbdModel(double R, double Alpha, double S, double Beta) : ITransactionModel
{
    /// <inheritdoc />
    public ModelFit? Fit { get; init; }

    /// <summary>
    /// E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (β r/α · ln(1 + t/β) when s = 1). Fader &amp; Hardie (2005) note, eq. (17).
    /// </summary>
    public double ExpectedPurchases(double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return ExpectedPurchases(t, 0, 0, 0);
    }

    /// <summary>
    /// E[Y(t) | x, tₓ, T] = P(alive) · (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
    /// (the s = 1 limit uses ln((β+T+t)/(β+T))). Fader &amp; Hardie (2005) note, eq. (20); SMC (1987).
    /// </summary>
    public double ExpectedPurchases(double t, double frequency, double recency, double age)
    {
        if (t == 0) return 0;
        var rate = (R + frequency) / (Alpha + age);
        var lnRatio = Math.Log(Beta + age + t) - Math.Log(Beta + age);
        var life = Math.Abs(S - 1) < 1e-10
            ? (Beta + age) * lnRatio
            : (Beta + age) / (S - 1) * -LogMath.ExpM1(-(S - 1) * lnRatio);
        return ProbabilityAlive(frequency, recency, age) * rate * life;
    }

    /// <summary>
    /// P(alive | x, tₓ, T) = [Γ(r+x)α^r β^s / (Γ(r)(α+T)^(r+x)(β+T)^s)] / L(r, α, s, β | x, tₓ, T).
    /// Fader &amp; Hardie (2005) note, eq. (18). Equals 1 when tₓ = T.
    /// </summary>
    public double ProbabilityAlive(double frequency, double recency, double age) =>
        ParetoNbdLikelihood.ProbabilityAlive(R, Alpha, S, Beta, frequency, frequency == 0 ? 0 : recency, age);

    /// <summary>
    /// P(X(t) = k): k purchases in (0, t] for a new customer. Fader &amp; Hardie (2006, rev. 2020), "Deriving an Expression
    /// for P(X(t) = x) Under the Pareto/NBD Model" (brucehardie.com note 012).
    /// </summary>
    public double ProbabilityOfPurchases(double t, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return PurchaseCountPmf.ParetoNbd(R, Alpha, S, Beta, t, k);
    }

    /// <summary>
    /// P(Y(t) = k | x, tₓ, T) = δ_{k0}(1 − P(alive)) + P(alive) · P(X(t) = k | r+x, α+T, s, β+T): an alive customer's
    /// posterior is λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T) and, the exponential lifetime being memoryless, from T on she
    /// is a new Pareto/NBD customer (Fader &amp; Hardie 2005 note, §5, the argument behind eq. (20)); the alive PMF is
    /// note 012's P(X(t) = x).
    /// </summary>
    public double ProbabilityOfPurchases(double t, int k, double frequency, double recency, double age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return PurchaseCountPmf.Mix(ProbabilityAlive(frequency, recency, age),
            PurchaseCountPmf.ParetoNbd(R + frequency, Alpha + age, S, Beta + age, t, k), k);
    }
}
