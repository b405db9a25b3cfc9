using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// BG/NBD log-likelihood and analytic gradient over compressed cells (Fader, Hardie &amp; Lee 2005, eq. 6).
/// </summary>
/// <remarks>
/// ln Lᵢ = A₁ + A₂ + ln(e^{A₃} + δ_{x&gt;0} e^{A₄}) with
/// A₁ = lnΓ(r+x) − lnΓ(r) + r ln α, A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x),
/// A₃ = −(r+x) ln(α+T), A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ).
/// Logs and digammas are computed once per distinct x, tₓ and T.
/// </remarks>
internal static class BgNbdLikelihood
{
    public static double Evaluate(HistoryCells cells, ReadOnlySpan<double> p, Span<double> gradient)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        var dx = cells.DistinctX;
        var nx = dx.Length;
        var lgRx = new double[nx]; var psiRx = new double[nx];
        var lgBx = new double[nx]; var psiBx = new double[nx];
        var lgABx = new double[nx]; var psiABx = new double[nx];
        var lnBx1 = new double[nx]; var invBx1 = new double[nx];
        for (var i = 0; i < nx; i++)
        {
            var x = dx[i];
            lgRx[i] = SpecialFunctions.GammaLn(r + x); psiRx[i] = SpecialFunctions.DiGamma(r + x);
            lgBx[i] = SpecialFunctions.GammaLn(b + x); psiBx[i] = SpecialFunctions.DiGamma(b + x);
            lgABx[i] = SpecialFunctions.GammaLn(a + b + x); psiABx[i] = SpecialFunctions.DiGamma(a + b + x);
            if (x > 0) { lnBx1[i] = Math.Log(b + x - 1); invBx1[i] = 1 / (b + x - 1); }
        }
        var (lnAT, invAT) = LogTable(cells.DistinctT, alpha);
        var (lnAtx, invAtx) = LogTable(cells.DistinctTx, alpha);

        double lgR = SpecialFunctions.GammaLn(r), psiR = SpecialFunctions.DiGamma(r);
        double lgA = SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(b), psiAB = SpecialFunctions.DiGamma(a + b);
        double psiB = SpecialFunctions.DiGamma(b), lnAlpha = Math.Log(alpha), lnA = Math.Log(a);
        var xs = cells.X; var counts = cells.Counts;
        var xi = cells.XIndex; var ti = cells.TIndex; var txi = cells.TxIndex;
        var sums = ChunkedSum.Run(xs.Length, 5, (from, to, acc) =>
        {
            double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
            for (var c = from; c < to; c++)
            {
                double x = xs[c], w = counts[c];
                int ix = xi[c], iT = ti[c];
                var rx = r + x;
                // ln L = a1 + a2 + a3 + ln(1 + e^d), d = a4 − a3 (d = −∞ when x = 0); w4 = σ(d).
                double lse = -rx * lnAT[iT], w4 = 0, dLnR = -lnAT[iT], dInv = invAT[iT], dB = 0;
                if (x > 0)
                {
                    var itx = txi[c];
                    var d = lnA - lnBx1[ix] + rx * (lnAT[iT] - lnAtx[itx]);
                    var e = Math.Exp(-Math.Abs(d));
                    lse += (d > 0 ? d : 0) + Math.Log(1 + e);
                    w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
                    dLnR -= w4 * (lnAtx[itx] - lnAT[iT]);
                    dInv += w4 * (invAtx[itx] - invAT[iT]);
                    dB = w4 * invBx1[ix];
                }
                ll += w * (lgRx[ix] - lgR + r * lnAlpha + lgA + lgBx[ix] - lgABx[ix] + lse);
                gr += w * (psiRx[ix] - psiR + lnAlpha + dLnR);
                gAlpha += w * (r / alpha - rx * dInv);
                ga += w * (psiAB - psiABx[ix] + w4 / a);
                gb += w * (psiAB + psiBx[ix] - psiB - psiABx[ix] - dB);
            }
            acc[0] += ll; acc[1] += gr; acc[2] += gAlpha; acc[3] += ga; acc[4] += gb;
        });
        gradient[0] = sums[1]; gradient[1] = sums[2]; gradient[2] = sums[3]; gradient[3] = sums[4];
        return sums[0];
    }

    internal static (double[] Ln, double[] Inv) LogTable(double[] values, double alpha)
    {
        var ln = new double[values.Length];
        var inv = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            ln[i] = Math.Log(alpha + values[i]);
            inv[i] = 1 / (alpha + values[i]);
        }
        return (ln, inv);
    }
}
