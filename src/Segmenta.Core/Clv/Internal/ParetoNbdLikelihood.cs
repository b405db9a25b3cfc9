using MathNet.Numerics;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// Pareto/NBD log-likelihood (Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related
/// Expressions", eq. (22)–(24); Schmittlein, Morrison &amp; Colombo 1987).
/// </summary>
/// <remarks>
/// L = Γ(r+x)α^r β^s / Γ(r) · { 1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀ }, where for α ≥ β
/// A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+tₓ)) / (α+tₓ)^(r+s+x) − ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+T)) / (α+T)^(r+s+x),
/// and for α &lt; β the same with (α, s+1) replaced by (β, r+x). Evaluated in log space; A₀ = 0 when tₓ = T.
/// </remarks>
internal static class ParetoNbdLikelihood
{
    public static double Evaluate(HistoryCells cells, double[] p)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        return ChunkedSum.Run(cells.Length, 1, (from, to, acc) =>
        {
            for (var i = from; i < to; i++)
                acc[0] += cells.Counts[i] * CellLn(r, alpha, s, beta, cells.X[i], cells.Tx[i], cells.T[i]);
        })[0];
    }

    /// <summary>ln L for one customer.</summary>
    public static double CellLn(double r, double alpha, double s, double beta, double x, double tx, double t)
    {
        var (headLn, aliveLn, restLn) = Parts(r, alpha, s, beta, x, tx, t);
        return headLn + LogMath.LogSumExp(aliveLn, restLn);
    }

    /// <summary>P(alive | x, tₓ, T) = exp(aliveLn − ln(e^aliveLn + e^restLn)) (Fader &amp; Hardie 2005 note, eq. (18)).</summary>
    public static double ProbabilityAlive(double r, double alpha, double s, double beta, double x, double tx, double t)
    {
        var (_, aliveLn, restLn) = Parts(r, alpha, s, beta, x, tx, t);
        return Math.Exp(aliveLn - LogMath.LogSumExp(aliveLn, restLn));
    }

    private static (double HeadLn, double AliveLn, double RestLn) Parts(double r, double alpha, double s, double beta, double x, double tx, double t)
    {
        var headLn = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha) + s * Math.Log(beta);
        var aliveLn = -(r + x) * Math.Log(alpha + t) - s * Math.Log(beta + t);
        if (tx >= t) return (headLn, aliveLn, double.NegativeInfinity);
        double big, b2;
        if (alpha >= beta) (big, b2) = (alpha, s + 1);
        else (big, b2) = (beta, r + x);
        double a1 = r + s + x, c = r + s + x + 1, diff = Math.Abs(alpha - beta);
        var l1 = Math.Log(Hypergeometric2F1.Evaluate(a1, b2, c, diff / (big + tx))) - a1 * Math.Log(big + tx);
        var l2 = Math.Log(Hypergeometric2F1.Evaluate(a1, b2, c, diff / (big + t))) - a1 * Math.Log(big + t);
        var d = l2 - l1;
        var a0Ln = d >= 0 ? double.NegativeInfinity : l1 + LogMath.Log1MinusExp(d);
        return (headLn, aliveLn, Math.Log(s / (r + s + x)) + a0Ln);
    }
}
