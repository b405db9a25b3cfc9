using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// BG/BB log-likelihood (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
/// Setting", Marketing Science 29(6), eq. (5)). Cells hold (x, tₓ, n): transactions, period of the last one, opportunities.
/// </summary>
/// <remarks>
/// L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ),
/// summed in log space. The gradient is exact: every term is a product of beta-function ratios, and
/// ∂/∂u ln B(u+i, v+j) = ψ(u+i) − ψ(u+v+i+j), so ∂ ln L is the posterior-weighted mean of the terms' digamma
/// differences (weights e^{termₖ − ln L}).
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

    /// <summary>Σ wᵢ ln Lᵢ and its exact gradient with respect to (α, β, γ, δ).</summary>
    public static double Evaluate(HistoryCells cells, ReadOnlySpan<double> p, Span<double> gradient)
    {
        double alpha = p[0], beta = p[1], gamma = p[2], delta = p[3];
        double lnBab = SpecialFunctions.BetaLn(alpha, beta), lnBgd = SpecialFunctions.BetaLn(gamma, delta);
        // ∂ ln B(α,β) and ∂ ln B(γ,δ), subtracted from every term.
        double psiAB = SpecialFunctions.DiGamma(alpha + beta), psiGD = SpecialFunctions.DiGamma(gamma + delta);
        double dA0 = SpecialFunctions.DiGamma(alpha) - psiAB, dB0 = SpecialFunctions.DiGamma(beta) - psiAB;
        double dG0 = SpecialFunctions.DiGamma(gamma) - psiGD, dD0 = SpecialFunctions.DiGamma(delta) - psiGD;
        double ll = 0, ga = 0, gb = 0, gg = 0, gd = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            double x = cells.X[c], tx = cells.Tx[c], n = cells.T[c], w = cells.Counts[c];
            var last = (int)(n - tx - 1);
            // Term k = −1 is "alive through n": B(α+x, β+n−x) B(γ, δ+n); k = i ≥ 0 is "died after tₓ+i": B(α+x, β+tₓ−x+i) B(γ+1, δ+tₓ+i).
            var terms = new double[last + 2];
            var grads = new double[(last + 2) * 4];
            var lnL = double.NegativeInfinity;
            for (var k = -1; k <= last; k++)
            {
                double y = k < 0 ? n - x : tx - x + k, e = k < 0 ? 0 : 1, zz = k < 0 ? n : tx + k;
                var j = k + 1;
                terms[j] = SpecialFunctions.BetaLn(alpha + x, beta + y) - lnBab + SpecialFunctions.BetaLn(gamma + e, delta + zz) - lnBgd;
                double psiXY = SpecialFunctions.DiGamma(alpha + beta + x + y), psiEZ = SpecialFunctions.DiGamma(gamma + delta + e + zz);
                grads[j * 4] = SpecialFunctions.DiGamma(alpha + x) - psiXY - dA0;
                grads[j * 4 + 1] = SpecialFunctions.DiGamma(beta + y) - psiXY - dB0;
                grads[j * 4 + 2] = SpecialFunctions.DiGamma(gamma + e) - psiEZ - dG0;
                grads[j * 4 + 3] = SpecialFunctions.DiGamma(delta + zz) - psiEZ - dD0;
                lnL = LogMath.LogSumExp(lnL, terms[j]);
            }
            ll += w * lnL;
            for (var j = 0; j < terms.Length; j++)
            {
                var weight = w * Math.Exp(terms[j] - lnL);
                ga += weight * grads[j * 4]; gb += weight * grads[j * 4 + 1];
                gg += weight * grads[j * 4 + 2]; gd += weight * grads[j * 4 + 3];
            }
        }
        gradient[0] = ga; gradient[1] = gb; gradient[2] = gg; gradient[3] = gd;
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
