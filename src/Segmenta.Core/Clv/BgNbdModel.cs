using Segmenta.Core.Clv.Internal;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.Clv;

/// <summary>
/// A BG/NBD model: while active, a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase the customer
/// drops out with probability p ~ Beta(a, b) (Fader, Hardie &amp; Lee 2005, Marketing Science 24(2)).
/// Times are in the unit of the data it was fitted on.
/// </summary>
/// <param name="R">Shape of the purchase-rate gamma distribution (r), &gt; 0.</param>
/// <param name="Alpha">Scale of the purchase-rate gamma distribution (α), in time units, &gt; 0.</param>
/// <param name="A">First shape of the dropout-probability beta distribution (a), &gt; 0.</param>
/// <param name="B">Second shape of the dropout-probability beta distribution (b), &gt; 0.</param>
public sealed record BgNbdModel(double R, double Alpha, double A, double B) : ITransactionModel
{
    /// <inheritdoc />
    public ModelFit? Fit { get; init; }

    /// <summary>Whether all parameters are finite and &gt; 0.</summary>
    public bool IsValidParameterSet => Positive(R) && Positive(Alpha) && Positive(A) && Positive(B);

    /// <summary>
    /// E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]: expected repeat purchases in (0, t] of a
    /// randomly chosen (or brand-new) customer. Fader, Hardie &amp; Lee (2005), eq. (7). Requires a ≠ 1.
    /// </summary>
    public double ExpectedPurchases(double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return ExpectedPurchases(t, 0, 0, 0);
    }

    /// <summary>
    /// E[Y(t) | x, tₓ, T] = [(a+b+x−1)/(a−1)] · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    /// / [1 + δ_{x&gt;0} (a/(b+x−1)) ((α+T)/(α+tₓ))^(r+x)]. Fader, Hardie &amp; Lee (2005), eq. (10).
    /// </summary>
    /// <param name="t">Horizon t ≥ 0 after T.</param>
    /// <param name="frequency">Repeat purchases x.</param>
    /// <param name="recency">Time of last purchase tₓ.</param>
    /// <param name="age">Age T.</param>
    public double ExpectedPurchases(double t, double frequency, double recency, double age)
    {
        if (t == 0) return 0;
        double x = frequency, r = R + x;
        var z = t / (Alpha + age + t);
        var head = (A + B + x - 1) / (A - 1);
        var powerLn = r * (Math.Log(Alpha + age) - Math.Log(Alpha + age + t));
        var f = Hypergeometric2F1.Evaluate(r, B + x, A + B + x - 1, z);
        return head * (1 - Math.Exp(powerLn + Math.Log(f))) * ProbabilityAlive(x, recency, age);
    }

    /// <summary>
    /// P(alive | x, tₓ, T) = 1 / [1 + δ_{x&gt;0} (a/(b+x−1)) ((α+T)/(α+tₓ))^(r+x)].
    /// Fader, Hardie &amp; Lee (2008), "Computing P(alive) Using the BG/NBD Model", eq. (1). Equals 1 when x = 0.
    /// </summary>
    public double ProbabilityAlive(double frequency, double recency, double age)
    {
        if (frequency == 0) return 1.0;
        var ln = Math.Log(A) - Math.Log(B + frequency - 1) + (R + frequency) * (Math.Log(Alpha + age) - Math.Log(Alpha + recency));
        return 1 / (1 + Math.Exp(ln));
    }

    /// <summary>
    /// P(X(t) = k) = B(a, b+k)/B(a, b) · Γ(r+k)/(Γ(r) k!) (α/(α+t))^r (t/(α+t))^k
    /// + δ_{k&gt;0} B(a+1, b+k−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j=0}^{k−1} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
    /// Fader, Hardie &amp; Lee (2005), eq. (8).
    /// </summary>
    public double ProbabilityOfPurchases(double t, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return PurchaseCountPmf.BgNbd(R, Alpha, A, B, t, k);
    }

    /// <summary>
    /// P(Y(t) = k | x, tₓ, T): probability of exactly k purchases in (T, T + t] for a customer with history (x, tₓ, T):
    /// δ_{k0}(1 − P(alive)) + P(alive) · P(X(t) = k | r+x, α+T, a, b+x). An alive customer's posterior is
    /// λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), and from T on the process starts afresh (the argument behind Fader, Hardie
    /// &amp; Lee 2005, eq. (10)); the alive PMF is their eq. (8) at the posterior parameters.
    /// </summary>
    public double ProbabilityOfPurchases(double t, int k, double frequency, double recency, double age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return PurchaseCountPmf.Mix(ProbabilityAlive(frequency, recency, age),
            PurchaseCountPmf.BgNbd(R + frequency, Alpha + age, A, B + frequency, t, k), k);
    }

    private static bool Positive(double v) => double.IsFinite(v) && v > 0;
}
