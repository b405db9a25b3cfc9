using MathNet.Numerics;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// P(X(t) = k) for a customer who is alive at the start of the period (the models' unconditional PMFs). The per-customer
/// PMFs are these with the posterior parameters of a customer who is alive, mixed with P(alive): see
/// docs/models/clv.md, "Probability of k purchases".
/// </summary>
internal static class PurchaseCountPmf
{
    /// <summary>
    /// BG/NBD: P(X(t)=k) = B(a, b+k)/B(a, b) · Γ(r+k)/(Γ(r) k!) (α/(α+t))^r (t/(α+t))^k
    /// + δ_{k&gt;0} B(a+1, b+k−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j&lt;k} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
    /// Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way", eq. (8).
    /// </summary>
    public static double BgNbd(double r, double alpha, double a, double b, double t, int k)
    {
        if (t == 0) return k == 0 ? 1 : 0;
        var lnBab = SpecialFunctions.BetaLn(a, b);
        double lnP = r * (Math.Log(alpha) - Math.Log(alpha + t)), lnQ = Math.Log(t) - Math.Log(alpha + t);
        var first = Math.Exp(SpecialFunctions.BetaLn(a, b + k) - lnBab + NbTermLn(r, k, lnP, lnQ));
        if (k == 0) return first;
        double sum = 0;
        for (var j = 0; j < k; j++) sum += Math.Exp(NbTermLn(r, j, lnP, lnQ));
        return first + Math.Exp(SpecialFunctions.BetaLn(a + 1, b + k - 1) - lnBab) * Math.Max(0, 1 - sum);
    }

    /// <summary>
    /// Pareto/NBD: P(X(t)=k) = Γ(r+k)/(Γ(r) k!) (α/(α+t))^r (t/(α+t))^k (β/(β+t))^s
    /// + α^r β^s B(r+k, s+1)/B(r, s) · [B₁ − Σ_{i=0}^{k} Γ(r+s+i)/(Γ(r+s) i!) t^i B₂(i)], with, for α ≥ β,
    /// B₁ = ₂F₁(r+s, s+1; r+s+k+1; (α−β)/α)/α^(r+s) and B₂(i) = ₂F₁(r+s+i, s+1; r+s+k+1; (α−β)/(α+t))/(α+t)^(r+s+i),
    /// and for α &lt; β the same with (α, s+1) replaced by (β, r+k). Fader &amp; Hardie (2006, rev. 2020), "Deriving an
    /// Expression for P(X(t) = x) Under the Pareto/NBD Model", brucehardie.com note 012 (its final expression).
    /// </summary>
    /// <remarks>
    /// The bracket is the probability that a customer who would make exactly k purchases before dying has died by t;
    /// it is evaluated as B₁(1 − Σ e^{ln termᵢ − ln B₁}) and floored at 0, so its absolute error is about 1e-15 × B₁.
    /// </remarks>
    public static double ParetoNbd(double r, double alpha, double s, double beta, double t, int k)
    {
        if (t == 0) return k == 0 ? 1 : 0;
        var alive = Math.Exp(SpecialFunctions.GammaLn(r + k) - SpecialFunctions.GammaLn(r) - SpecialFunctions.GammaLn(k + 1.0)
            + r * (Math.Log(alpha) - Math.Log(alpha + t)) + k * (Math.Log(t) - Math.Log(alpha + t))
            + s * (Math.Log(beta) - Math.Log(beta + t)));
        var alphaBig = alpha >= beta;
        var big = alphaBig ? alpha : beta;
        var diff = Math.Abs(alpha - beta);
        var second = alphaBig ? s + 1 : r + k;
        double rs = r + s, c = r + s + k + 1;
        var lnB1 = Math.Log(Hypergeometric2F1.Evaluate(rs, second, c, diff / big)) - rs * Math.Log(big);
        var lnZ2 = diff / (big + t);
        double fraction = 0;
        for (var i = 0; i <= k; i++)
        {
            var lnTerm = SpecialFunctions.GammaLn(rs + i) - SpecialFunctions.GammaLn(rs) - SpecialFunctions.GammaLn(i + 1.0)
                + i * Math.Log(t) + Math.Log(Hypergeometric2F1.Evaluate(rs + i, second, c, lnZ2)) - (rs + i) * Math.Log(big + t);
            fraction += Math.Exp(lnTerm - lnB1);
        }
        var lnPrefix = r * Math.Log(alpha) + s * Math.Log(beta) + SpecialFunctions.BetaLn(r + k, s + 1) - SpecialFunctions.BetaLn(r, s);
        return alive + Math.Exp(lnPrefix + lnB1) * Math.Max(0, 1 - fraction);
    }

    /// <summary>
    /// BG/BB: P(X(n)=k) = C(n,k) B(α+k, β+n−k)/B(α,β) · B(γ, δ+n)/B(γ,δ)
    /// + Σ_{i=k}^{n−1} C(i,k) B(α+k, β+i−k)/B(α,β) · B(γ+1, δ+i)/B(γ,δ), for 0 ≤ k ≤ n opportunities.
    /// Fader, Hardie &amp; Shang (2010), Marketing Science 29(6), the expression for P(X(n) = x) (§3).
    /// </summary>
    public static double BgBb(double alpha, double beta, double gamma, double delta, int n, int k)
    {
        if (k > n) return 0;
        double lnBab = SpecialFunctions.BetaLn(alpha, beta), lnBgd = SpecialFunctions.BetaLn(gamma, delta);
        var total = Math.Exp(SpecialFunctions.BinomialLn(n, k) + SpecialFunctions.BetaLn(alpha + k, beta + n - k) - lnBab
            + SpecialFunctions.BetaLn(gamma, delta + n) - lnBgd);
        for (var i = k; i < n; i++)
            total += Math.Exp(SpecialFunctions.BinomialLn(i, k) + SpecialFunctions.BetaLn(alpha + k, beta + i - k) - lnBab
                + SpecialFunctions.BetaLn(gamma + 1, delta + i) - lnBgd);
        return total;
    }

    /// <summary>Mixes the PMF of an alive customer with the point mass at 0 of a dead one: δ_{k0}(1 − P) + P · alive.</summary>
    public static double Mix(double probabilityAlive, double aliveProbability, int k) =>
        (k == 0 ? 1 - probabilityAlive : 0) + probabilityAlive * aliveProbability;

    private static double NbTermLn(double r, int j, double lnP, double lnQ) =>
        SpecialFunctions.GammaLn(r + j) - SpecialFunctions.GammaLn(r) - SpecialFunctions.GammaLn(j + 1.0) + lnP + (j == 0 ? 0 : j * lnQ);
}
