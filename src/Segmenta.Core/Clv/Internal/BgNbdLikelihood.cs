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
        double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
        var xs = cells.X; var counts = cells.Counts;
        var xi = cells.XIndex; var ti = cells.TIndex; var txi = cells.TxIndex;
        for (var c = 0; c < xs.Length; c++)
        {
            double x = xs[c], w = counts[c];
            int ix = xi[c], iT = ti[c], itx = txi[c];
            var a1 = lgRx[ix] - lgR + r * lnAlpha;
            var a2 = lgA + lgBx[ix] - lgABx[ix];
            var a3 = -(r + x) * lnAT[iT];
            double lse = a3, w4 = 0, a4 = 0;
            if (x > 0)
            {
                a4 = lnA - lnBx1[ix] - (r + x) * lnAtx[itx];
                var m = Math.Max(a3, a4);
                double e3 = Math.Exp(a3 - m), e4 = Math.Exp(a4 - m);
                lse = m + Math.Log(e3 + e4);
                w4 = e4 / (e3 + e4);
            }
            var w3 = 1 - w4;
            ll += w * (a1 + a2 + lse);
            gr += w * (psiRx[ix] - psiR + lnAlpha - w3 * lnAT[iT] - (x > 0 ? w4 * lnAtx[itx] : 0));
            gAlpha += w * (r / alpha - (r + x) * (w3 * invAT[iT] + (x > 0 ? w4 * invAtx[itx] : 0)));
            ga += w * (psiAB - psiABx[ix] + w4 / a);
            gb += w * (psiAB + psiBx[ix] - psiB - psiABx[ix] - (x > 0 ? w4 * invBx1[ix] : 0));
        }
        gradient[0] = gr; gradient[1] = gAlpha; gradient[2] = ga; gradient[3] = gb;
        return ll;
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
