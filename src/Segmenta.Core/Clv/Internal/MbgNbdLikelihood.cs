using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// MBG/NBD log-likelihood and analytic gradient (Batislam, Denizel &amp; Filiztekin 2007, "Empirical validation and
/// comparison of models for customer base analysis", IJRM 24(3), eq. (5); as coded in R BTYDplus mbgnbd.LL).
/// </summary>
/// <remarks>
/// ln Lᵢ = P₁ + P₂ + P₃ + ln(1 + e^{P₄}) with P₁ = lnΓ(r+x) − lnΓ(r) + r ln α,
/// P₂ = lnΓ(a+b) + lnΓ(b+x+1) − lnΓ(b) − lnΓ(a+b+x+1), P₃ = −(r+x) ln(α+T),
/// P₄ = ln a − ln(b+x) + (r+x)(ln(α+T) − ln(α+tₓ)). Unlike BG/NBD the P₄ term is present for x = 0 too
/// (a customer may drop out right after the first purchase).
/// </remarks>
internal static class MbgNbdLikelihood
{
    public static double Evaluate(HistoryCells cells, ReadOnlySpan<double> p, Span<double> gradient)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        var dx = cells.DistinctX;
        var nx = dx.Length;
        var lgRx = new double[nx]; var psiRx = new double[nx];
        var lgBx = new double[nx]; var psiBx = new double[nx];
        var lgABx = new double[nx]; var psiABx = new double[nx];
        var lnBx = new double[nx];
        for (var i = 0; i < nx; i++)
        {
            var x = dx[i];
            lgRx[i] = SpecialFunctions.GammaLn(r + x); psiRx[i] = SpecialFunctions.DiGamma(r + x);
            lgBx[i] = SpecialFunctions.GammaLn(b + x + 1); psiBx[i] = SpecialFunctions.DiGamma(b + x + 1);
            lgABx[i] = SpecialFunctions.GammaLn(a + b + x + 1); psiABx[i] = SpecialFunctions.DiGamma(a + b + x + 1);
            lnBx[i] = Math.Log(b + x);
        }
        var (lnAT, invAT) = BgNbdLikelihood.LogTable(cells.DistinctT, alpha);
        var (lnAtx, invAtx) = BgNbdLikelihood.LogTable(cells.DistinctTx, alpha);
        double lgR = SpecialFunctions.GammaLn(r), psiR = SpecialFunctions.DiGamma(r);
        double lgAB = SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(b), psiAB = SpecialFunctions.DiGamma(a + b);
        double psiB = SpecialFunctions.DiGamma(b), lnAlpha = Math.Log(alpha), lnA = Math.Log(a);
        double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
        var xs = cells.X; var counts = cells.Counts;
        for (var c = 0; c < xs.Length; c++)
        {
            double x = xs[c], w = counts[c];
            int ix = cells.XIndex[c], iT = cells.TIndex[c], itx = cells.TxIndex[c];
            var p4 = lnA - lnBx[ix] + (r + x) * (lnAT[iT] - lnAtx[itx]);
            var softplus = p4 > 0 ? p4 + Math.Log(1 + Math.Exp(-p4)) : Math.Log(1 + Math.Exp(p4));
            var sigma = 1 / (1 + Math.Exp(-p4));
            ll += w * (lgRx[ix] - lgR + r * lnAlpha + lgAB + lgBx[ix] - lgABx[ix] - (r + x) * lnAT[iT] + softplus);
            gr += w * (psiRx[ix] - psiR + lnAlpha - lnAT[iT] + sigma * (lnAT[iT] - lnAtx[itx]));
            gAlpha += w * (r / alpha - (r + x) * invAT[iT] + sigma * (r + x) * (invAT[iT] - invAtx[itx]));
            ga += w * (psiAB - psiABx[ix] + sigma / a);
            gb += w * (psiAB + psiBx[ix] - psiB - psiABx[ix] - sigma / (b + x));
        }
        gradient[0] = gr; gradient[1] = gAlpha; gradient[2] = ga; gradient[3] = gb;
        return ll;
    }
}
