using MathNet.Numerics;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// Pareto/NBD log-likelihood with its exact gradient (Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model
/// and Related Expressions", eq. (19)–(24)). See docs/models/paretonbd.md, "Gradient".
/// </summary>
/// <remarks>
/// <para>The note writes L = Γ(r+x)α^r β^s/Γ(r) · { (α+T)^−(r+x) (β+T)^−s + s·I } with the death-time integral
/// I(a, b′) = ∫_{tₓ}^{T} (α+τ)^−a (β+τ)^−b′ dτ, a = r+x, b′ = s+1. Its antiderivative is
/// I = G(tₓ) − G(T), G(τ) = B^−m Σₙ (p)ₙ/n! · zⁿ/(m+n), with m = a+b′−1 = r+s+x, and for α ≥ β: B = α+τ,
/// z = (α−β)/B, p = b′; for α &lt; β: B = β+τ, z = (β−α)/B, p = a. This is the note's ₂F₁(m, p; m+1; z)/(m B^m)
/// written with (m)ₙ/(m+1)ₙ = m/(m+n).</para>
/// <para>Differentiating the integral under the integral sign gives every partial derivative as a series of the same
/// kind: ∂I/∂α = −a·I(a+1, b′), ∂I/∂β = −b′·I(a, b′+1) (the same antiderivative with m+1 and p or p+1), and
/// ∂I/∂a, ∂I/∂b′ from ∂G/∂m = −ln B·G − B^−m Σ cₙ/(m+n)² and ∂G/∂p = B^−m Σ cₙ Hₙ(p)/(m+n), where
/// cₙ = (p)ₙ zⁿ/n! and Hₙ(p) = Σ_{k&lt;n} 1/(p+k) (so ∂cₙ/∂p = cₙHₙ). The series are summed together until their
/// terms fall below 1e-17 of the sums, so the gradient is exact to rounding (about 1e-13 relative; the tests compare
/// it with central differences). For z &gt; <see cref="SeriesLimit"/> (α and β more than 100× apart, which only
/// happens far from any optimum) the series converges slowly and that cell's gradient falls back to central
/// differences of the closed-form ln L.</para>
/// </remarks>
internal static class ParetoNbdGradient
{
    /// <summary>Largest z summed by series; beyond it the cell uses central differences.</summary>
    public const double SeriesLimit = 0.99;

    private const int MaxTerms = 1_000_000;

    /// <summary>Σ wᵢ ln Lᵢ over the cells; writes ∂/∂(r, α, s, β) into <paramref name="gradient"/>.</summary>
    public static double Evaluate(HistoryCells cells, ReadOnlySpan<double> p, Span<double> gradient)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        var dx = cells.DistinctX;
        var lgRx = new double[dx.Length];
        var psiRx = new double[dx.Length];
        for (var i = 0; i < dx.Length; i++)
        {
            lgRx[i] = SpecialFunctions.GammaLn(r + dx[i]);
            psiRx[i] = SpecialFunctions.DiGamma(r + dx[i]);
        }
        double lgR = SpecialFunctions.GammaLn(r), psiR = SpecialFunctions.DiGamma(r);
        var xs = cells.X; var txs = cells.Tx; var ts = cells.T; var counts = cells.Counts; var xi = cells.XIndex;
        var sums = ChunkedSum.Run(xs.Length, 5, (from, to, acc) =>
        {
            Span<double> g = stackalloc double[4];
            for (var c = from; c < to; c++)
            {
                var ix = xi[c];
                var ll = CellLn(r, alpha, s, beta, xs[c], txs[c], ts[c], lgRx[ix] - lgR, psiRx[ix] - psiR, g);
                var w = counts[c];
                acc[0] += w * ll;
                for (var k = 0; k < 4; k++) acc[k + 1] += w * g[k];
            }
        });
        for (var k = 0; k < 4; k++) gradient[k] = sums[k + 1];
        return sums[0];
    }

    /// <summary>ln L of one customer and its gradient; <paramref name="lgRatio"/> = lnΓ(r+x) − lnΓ(r), <paramref name="psiDiff"/> = ψ(r+x) − ψ(r).</summary>
    internal static double CellLn(double r, double alpha, double s, double beta, double x, double tx, double t,
        double lgRatio, double psiDiff, Span<double> g)
    {
        double lnAlpha = Math.Log(alpha), lnBeta = Math.Log(beta), a = r + x;
        double lnAT = Math.Log(alpha + t), lnBT = Math.Log(beta + t);
        var head = lgRatio + r * lnAlpha + s * lnBeta;
        var alive = -a * lnAT - s * lnBT;
        // ∂head + ∂alive; the rest term is mixed in below with its posterior weight.
        double hr = psiDiff + lnAlpha, ha = r / alpha, hs = lnBeta, hb = s / beta;
        double ar = -lnAT, aa = -a / (alpha + t), as_ = -lnBT, ab = -s / (beta + t);
        if (tx >= t)
        {
            g[0] = hr + ar; g[1] = ha + aa; g[2] = hs + as_; g[3] = hb + ab;
            return head + alive;
        }
        var big = alpha >= beta ? alpha : beta;
        var diff = Math.Abs(alpha - beta);
        if (diff / (big + tx) > SeriesLimit) return FiniteDifferenceCell(r, alpha, s, beta, x, tx, t, g);

        Span<double> d1 = stackalloc double[4];
        Span<double> d2 = stackalloc double[4];
        var lnG1 = Endpoint(alpha, s, beta, a, tx, d1);
        var lnG2 = Endpoint(alpha, s, beta, a, t, d2);
        var d = lnG2 - lnG1;
        if (!(d < 0))
        {
            g[0] = hr + ar; g[1] = ha + aa; g[2] = hs + as_; g[3] = hb + ab;
            return head + alive;
        }
        // I = G₁(1 − e^d); ∂I/I = (D₁ − e^d D₂)/(1 − e^d) with Dᵢ = ∂Gᵢ/Gᵢ.
        var e = Math.Exp(d);
        var denominator = -LogMath.ExpM1(d);
        var rest = Math.Log(s) + lnG1 + LogMath.Log1MinusExp(d);
        var ll = LogMath.LogSumExp(alive, rest);
        var wRest = Math.Exp(rest - ll);
        var wAlive = 1 - wRest;
        Span<double> dRest = stackalloc double[4];
        for (var k = 0; k < 4; k++) dRest[k] = (d1[k] - e * d2[k]) / denominator;
        dRest[2] += 1 / s;
        g[0] = hr + wAlive * ar + wRest * dRest[0];
        g[1] = ha + wAlive * aa + wRest * dRest[1];
        g[2] = hs + wAlive * as_ + wRest * dRest[2];
        g[3] = hb + wAlive * ab + wRest * dRest[3];
        return head + ll;
    }

    /// <summary>
    /// ln G(τ) and ∂G/∂(r, α, s, β) / G at one end of the death-time integral (see the class remarks).
    /// </summary>
    private static double Endpoint(double alpha, double s, double beta, double a, double tau, Span<double> rel)
    {
        var alphaBig = alpha >= beta;
        var bigB = (alphaBig ? alpha : beta) + tau;
        var z = Math.Abs(alpha - beta) / bigB;
        var m = a + s; // r + s + x
        var p = alphaBig ? s + 1 : a;
        // cₙ = (p)ₙ zⁿ/n!; S1 = Σ cₙ/(m+n), S2 = Σ cₙ/(m+n)², SH = Σ cₙHₙ/(m+n),
        // T1 = Σ cₙ/(m+1+n) (shift, same p), T2 = Σ cₙ (p+n)/p /(m+1+n) (shift, p+1).
        double cn = 1, h = 0, s1 = 0, s2 = 0, sh = 0, t1 = 0, t2 = 0;
        var small = 0;
        for (var n = 0; n < MaxTerms; n++)
        {
            double inv = 1 / (m + n), inv1 = 1 / (m + 1 + n);
            double u1 = cn * inv, u2 = u1 * inv, uh = u1 * h, v1 = cn * inv1, v2 = v1 * (p + n) / p;
            s1 += u1; s2 += u2; sh += uh; t1 += v1; t2 += v2;
            var ratio = (p + n) / (n + 1) * z;
            if (cn == 0 || (ratio < 1 && u1 <= 1e-17 * s1 && uh <= 1e-17 * sh && v2 <= 1e-17 * t2))
            {
                if (cn == 0 || ++small == 2) break;
            }
            else small = 0;
            h += 1 / (p + n);
            cn *= ratio;
        }
        var lnB = Math.Log(bigB);
        double gm = -lnB - s2 / s1, gp = sh / s1, shiftSame = t1 / (bigB * s1), shiftUp = t2 / (bigB * s1);
        if (alphaBig)
        {
            rel[0] = gm;                        // ∂I/∂a: a enters m only
            rel[1] = -a * shiftSame;            // −a·I(a+1, b′): m+1, p = b′
            rel[2] = gm + gp;                   // ∂I/∂b′: b′ enters m and p
            rel[3] = -(s + 1) * shiftUp;        // −b′·I(a, b′+1): m+1, p = b′+1
        }
        else
        {
            rel[0] = gm + gp;                   // a enters m and p
            rel[1] = -a * shiftUp;              // I(a+1, b′): m+1, p = a+1
            rel[2] = gm;                        // b′ enters m only
            rel[3] = -(s + 1) * shiftSame;      // I(a, b′+1): m+1, p = a
        }
        return -m * lnB + Math.Log(s1);
    }

    /// <summary>Central differences in log-parameters of the closed-form ln L of one cell (h = 1e-6).</summary>
    private static double FiniteDifferenceCell(double r, double alpha, double s, double beta, double x, double tx, double t, Span<double> g)
    {
        const double h = 1e-6;
        Span<double> q = [r, alpha, s, beta];
        var value = ParetoNbdLikelihood.CellLn(q[0], q[1], q[2], q[3], x, tx, t);
        for (var k = 0; k < 4; k++)
        {
            var keep = q[k];
            q[k] = keep * Math.Exp(h);
            var up = ParetoNbdLikelihood.CellLn(q[0], q[1], q[2], q[3], x, tx, t);
            q[k] = keep * Math.Exp(-h);
            var down = ParetoNbdLikelihood.CellLn(q[0], q[1], q[2], q[3], x, tx, t);
            q[k] = keep;
            g[k] = (up - down) / (keep * (Math.Exp(h) - Math.Exp(-h)));
        }
        return value;
    }
}
