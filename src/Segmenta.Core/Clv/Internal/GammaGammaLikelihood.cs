using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// Gamma-Gamma log-likelihood of observed mean spends and its analytic gradient (Fader &amp; Hardie 2013,
/// "The Gamma-Gamma Model of Monetary Value", eq. (4); Fader, Hardie &amp; Lee 2005, JMR 42(4), appendix).
/// </summary>
/// <remarks>
/// ln f(m̄ | x) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄).
/// Terms that depend on x alone are computed once per distinct x; ln m̄ and ln x once per cell.
/// </remarks>
internal sealed class GammaGammaLikelihood
{
    private readonly double[] _x, _m, _w, _lnM, _lnX, _distinctX;
    private readonly int[] _xIndex;

    public GammaGammaLikelihood(double[] x, double[] m, double[] w)
    {
        (_x, _m, _w) = (x, m, w);
        _lnM = new double[x.Length];
        _lnX = new double[x.Length];
        for (var i = 0; i < x.Length; i++) { _lnM[i] = Math.Log(m[i]); _lnX[i] = Math.Log(x[i]); }
        _distinctX = x.Distinct().Order().ToArray();
        _xIndex = new int[x.Length];
        for (var i = 0; i < x.Length; i++) _xIndex[i] = Array.BinarySearch(_distinctX, x[i]);
    }

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double p = parameters[0], q = parameters[1], v = parameters[2];
        var k = _distinctX.Length;
        var constant = new double[k];
        var dp = new double[k];
        var dq = new double[k];
        double lgQ = SpecialFunctions.GammaLn(q), psiQ = SpecialFunctions.DiGamma(q), lnV = Math.Log(v);
        for (var j = 0; j < k; j++)
        {
            var x = _distinctX[j];
            double psiPxq = SpecialFunctions.DiGamma(p * x + q), psiPx = SpecialFunctions.DiGamma(p * x);
            constant[j] = SpecialFunctions.GammaLn(p * x + q) - SpecialFunctions.GammaLn(p * x) - lgQ + q * lnV;
            dp[j] = x * (psiPxq - psiPx);
            dq[j] = psiPxq - psiQ + lnV;
        }
        double ll = 0, gp = 0, gq = 0, gv = 0;
        for (var i = 0; i < _x.Length; i++)
        {
            double x = _x[i], w = _w[i], px = p * x;
            var j = _xIndex[i];
            var den = v + x * _m[i];
            var lnDen = Math.Log(den);
            ll += w * (constant[j] + (px - 1) * _lnM[i] + px * _lnX[i] - (px + q) * lnDen);
            gp += w * (dp[j] + x * (_lnM[i] + _lnX[i] - lnDen));
            gq += w * (dq[j] - lnDen);
            gv += w * (q / v - (px + q) / den);
        }
        gradient[0] = gp; gradient[1] = gq; gradient[2] = gv;
        return ll;
    }
}
