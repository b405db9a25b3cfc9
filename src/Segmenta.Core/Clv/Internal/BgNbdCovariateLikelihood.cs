using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// BG/NBD with time-invariant covariates as in CLVTools (Fader &amp; Hardie 2007, "Incorporating time-invariant
/// covariates into the Pareto/NBD and BG/NBD models", note 019): αᵢ = α₀ exp(−γ_transᵀ zᵢ), aᵢ = a₀ exp(γ_lifeᵀ wᵢ),
/// bᵢ = b₀ exp(γ_lifeᵀ wᵢ); each customer's ln L is eq. (6) of FHL (2005) at (r, αᵢ, aᵢ, bᵢ).
/// Parameter order: r, α₀, a₀, b₀, γ_life (one per life covariate), γ_trans (one per transaction covariate).
/// </summary>
internal sealed class BgNbdCovariateLikelihood(CustomerHistory[] customers, CovariateMatrix life, CovariateMatrix transactions)
{
    public double Evaluate(ReadOnlySpan<double> p, Span<double> gradient)
    {
        int kl = life.Columns, kt = transactions.Columns;
        double r = p[0], alpha0 = p[1], a0 = p[2], b0 = p[3];
        var gl = p.Slice(4, kl).ToArray();
        var gt = p.Slice(4 + kl, kt).ToArray();
        var sums = ChunkedSum.Run(customers.Length, 4 + kl + kt + 1, (from, to, acc) =>
        {
            Span<double> g = stackalloc double[4];
            for (var i = from; i < to; i++)
            {
                var c = customers[i];
                double lifeDot = Dot(life.Row(i), gl), transDot = Dot(transactions.Row(i), gt);
                double alpha = alpha0 * Math.Exp(-transDot), a = a0 * Math.Exp(lifeDot), b = b0 * Math.Exp(lifeDot);
                acc[^1] += c.Weight * CustomerLn(r, alpha, a, b, c.Frequency, c.Recency, c.T, g);
                acc[0] += c.Weight * g[0];
                acc[1] += c.Weight * g[1] * alpha / alpha0;
                acc[2] += c.Weight * g[2] * a / a0;
                acc[3] += c.Weight * g[3] * b / b0;
                var dLife = c.Weight * (g[2] * a + g[3] * b);
                for (var j = 0; j < kl; j++) acc[4 + j] += dLife * life.Row(i)[j];
                var dTrans = -c.Weight * g[1] * alpha;
                for (var j = 0; j < kt; j++) acc[4 + kl + j] += dTrans * transactions.Row(i)[j];
            }
        });
        for (var j = 0; j < gradient.Length; j++) gradient[j] = sums[j];
        return sums[^1];
    }

    /// <summary>ln L of one customer (FHL 2005 eq. 6) and its gradient with respect to (r, α, a, b).</summary>
    internal static double CustomerLn(double r, double alpha, double a, double b, double x, double tx, double t, Span<double> g)
    {
        var rx = r + x;
        double lnAT = Math.Log(alpha + t), lnAlpha = Math.Log(alpha);
        var a1 = SpecialFunctions.GammaLn(rx) - SpecialFunctions.GammaLn(r) + r * lnAlpha;
        var a2 = SpecialFunctions.GammaLn(a + b) + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b + x);
        double lse = -rx * lnAT, w4 = 0, dLnR = -lnAT, dInv = 1 / (alpha + t), dB = 0;
        if (x > 0)
        {
            var lnAtx = Math.Log(alpha + tx);
            var d = Math.Log(a) - Math.Log(b + x - 1) + rx * (lnAT - lnAtx);
            var e = Math.Exp(-Math.Abs(d));
            lse += (d > 0 ? d : 0) + Math.Log(1 + e);
            w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
            dLnR -= w4 * (lnAtx - lnAT);
            dInv += w4 * (1 / (alpha + tx) - 1 / (alpha + t));
            dB = w4 / (b + x - 1);
        }
        double psiAb = SpecialFunctions.DiGamma(a + b), psiAbx = SpecialFunctions.DiGamma(a + b + x);
        g[0] = SpecialFunctions.DiGamma(rx) - SpecialFunctions.DiGamma(r) + lnAlpha + dLnR;
        g[1] = r / alpha - rx * dInv;
        g[2] = psiAb - psiAbx + w4 / a;
        g[3] = psiAb + SpecialFunctions.DiGamma(b + x) - SpecialFunctions.DiGamma(b) - psiAbx - dB;
        return a1 + a2 + lse;
    }

    private static double Dot(ReadOnlySpan<double> z, double[] coefficients)
    {
        double s = 0;
        for (var j = 0; j < z.Length; j++) s += z[j] * coefficients[j];
        return s;
    }
}
