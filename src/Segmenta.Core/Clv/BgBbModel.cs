using MathNet.Numerics;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// A BG/BB model: at each opportunity an active customer transacts with probability p ~ Beta(α, β) and drops out with
/// probability θ ~ Beta(γ, δ) (Fader, Hardie &amp; Shang 2010). Time is counted in opportunities.
/// </summary>
/// <param name="Alpha">First shape of the transaction-probability beta distribution (α), &gt; 0.</param>
/// <param name="Beta">Second shape of the transaction-probability beta distribution (β), &gt; 0.</param>
/// <param name="Gamma">First shape of the dropout-probability beta distribution (γ), &gt; 0.</param>
/// <param name="Delta">Second shape of the dropout-probability beta distribution (δ), &gt; 0.</param>
public sealed record BgBbModel(double Alpha, double Beta, double Gamma, double Delta)
{
    /// <summary>The fit that produced the model (null when the parameters were given directly).</summary>
    public ModelFit? Fit { get; init; }

    /// <summary>
    /// P(alive at n+1 | x, tₓ, n) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L(α, β, γ, δ | x, tₓ, n).
    /// Fader, Hardie &amp; Shang (2010), eq. (11).
    /// </summary>
    public double ProbabilityAlive(double frequency, double recency, double opportunities)
    {
        var lnL = BgBbLikelihood.CellLn(Alpha, Beta, Gamma, Delta, frequency, recency, opportunities);
        var num = SpecialFunctions.BetaLn(Alpha + frequency, Beta + opportunities - frequency) - SpecialFunctions.BetaLn(Alpha, Beta)
            + SpecialFunctions.BetaLn(Gamma, Delta + opportunities + 1) - SpecialFunctions.BetaLn(Gamma, Delta);
        return Math.Exp(num - lnL);
    }

    /// <summary>
    /// E[X(n, n+n*) | x, tₓ, n] = 1/L · B(α+x+1, β+n−x)/B(α,β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
    /// · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]: expected transactions in the next n* opportunities.
    /// Fader, Hardie &amp; Shang (2010), eq. (13). Requires γ ≠ 1.
    /// </summary>
    public double ExpectedPurchases(double futureOpportunities, double frequency, double recency, double opportunities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futureOpportunities);
        if (futureOpportunities == 0) return 0;
        double n = opportunities, x = frequency;
        var lnL = BgBbLikelihood.CellLn(Alpha, Beta, Gamma, Delta, x, recency, n);
        var lnHead = SpecialFunctions.BetaLn(Alpha + x + 1, Beta + n - x) - SpecialFunctions.BetaLn(Alpha, Beta)
            + SpecialFunctions.GammaLn(Gamma + Delta) - SpecialFunctions.GammaLn(1 + Delta) - lnL;
        var now = SpecialFunctions.GammaLn(1 + Delta + n) - SpecialFunctions.GammaLn(Gamma + Delta + n);
        var later = SpecialFunctions.GammaLn(1 + Delta + n + futureOpportunities) - SpecialFunctions.GammaLn(Gamma + Delta + n + futureOpportunities);
        // δ/(γ−1) · (e^now − e^later), with the sign of γ−1 carried by the bracket.
        return Math.Exp(lnHead) * Delta / (Gamma - 1) * (Math.Exp(now) - Math.Exp(later));
    }

    /// <summary>
    /// P(X(n) = k): k transactions in the first n opportunities of a new customer. Fader, Hardie &amp; Shang (2010), the
    /// expression for P(X(n) = x).
    /// </summary>
    public double ProbabilityOfPurchases(int opportunities, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opportunities);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return PurchaseCountPmf.BgBb(Alpha, Beta, Gamma, Delta, opportunities, k);
    }

    /// <summary>
    /// P(X(n, n+n*) = k | x, tₓ, n): k transactions in the next n* opportunities for a customer with history (x, tₓ, n):
    /// δ_{k0}(1 − P(alive at n)) + P(alive at n) · P(X(n*) = k | α+x, β+n−x, γ, δ+n), where P(alive at n) =
    /// B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) / L (the first term of eq. (5) over L). An alive customer's posterior is
    /// p ~ Beta(α+x, β+n−x), θ ~ Beta(γ, δ+n), and from n on she is a new BG/BB customer (Fader, Hardie &amp; Shang 2010,
    /// the argument behind eq. (13)).
    /// </summary>
    public double ProbabilityOfPurchases(int futureOpportunities, int k, double frequency, double recency, double opportunities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futureOpportunities);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (aliveLn, restLn) = BgBbLikelihood.Parts(Alpha, Beta, Gamma, Delta, frequency, recency, opportunities);
        var alive = Math.Exp(aliveLn - LogMath.LogSumExp(aliveLn, restLn));
        return PurchaseCountPmf.Mix(alive,
            PurchaseCountPmf.BgBb(Alpha + frequency, Beta + opportunities - frequency, Gamma, Delta + opportunities, futureOpportunities, k), k);
    }
}
