using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// BG/BB log-likelihood (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
/// Setting", Marketing Science 29(6), eq. (5)). Cells hold (x, tₓ, n): transactions, period of the last one, opportunities.
/// </summary>
/// <remarks>
/// L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ),
/// summed in log space.
/// </remarks>
internal static class BgBbLikelihood
{
    public static double Evaluate(HistoryCells cells, double[] p)
    {
        double ll = 0;
        for (var c = 0; c < cells.Length; c++)
            ll += cells.Counts[c] * CellLn(p[0], p[1], p[2], p[3], cells.X[c], cells.Tx[c], cells.T[c]);
        return ll;
    }

    public static double CellLn(double alpha, double beta, double gamma, double delta, double x, double tx, double n)
    {
        var (aliveLn, restLn) = Parts(alpha, beta, gamma, delta, x, tx, n);
        return LogMath.LogSumExp(aliveLn, restLn);
    }

    /// <summary>ln of the "alive through n" term and ln of the sum of the "died at tₓ+i+1" terms.</summary>
    public static (double AliveLn, double RestLn) Parts(double alpha, double beta, double gamma, double delta, double x, double tx, double n)
    {
        double lnBab = SpecialFunctions.BetaLn(alpha, beta), lnBgd = SpecialFunctions.BetaLn(gamma, delta);
        var alive = SpecialFunctions.BetaLn(alpha + x, beta + n - x) - lnBab + SpecialFunctions.BetaLn(gamma, delta + n) - lnBgd;
        var rest = double.NegativeInfinity;
        var last = (int)(n - tx - 1);
        for (var i = 0; i <= last; i++)
        {
            var term = SpecialFunctions.BetaLn(alpha + x, beta + tx - x + i) - lnBab
                + SpecialFunctions.BetaLn(gamma + 1, delta + tx + i) - lnBgd;
            rest = LogMath.LogSumExp(rest, term);
        }
        return (alive, rest);
    }
}
