using MathNet.Numerics;

namespace Segmenta.Core.Numerics;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for real arguments and z ≤ 1.
/// </summary>
/// <remarks>
/// <para>Method (Abramowitz &amp; Stegun 1964, ch. 15; DLMF §15.2, §15.8):</para>
/// <list type="bullet">
/// <item>0 ≤ z ≤ 0.9: the defining series (A&amp;S 15.1.1), summed until a term is below 1e-17 of the sum
/// (terminating when a or b is a non-positive integer).</item>
/// <item>z &lt; 0: Pfaff's transformation (A&amp;S 15.3.4) ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), which
/// maps z into [0, 1).</item>
/// <item>0.9 &lt; z &lt; 1: the 1−z connection formula (A&amp;S 15.3.6) with signed log-gamma factors when c−a−b is
/// at least 1e-3 from an integer; otherwise (the logarithmic case) the defining series, which still converges
/// geometrically at rate z.</item>
/// <item>z = 1: Gauss's theorem (A&amp;S 15.1.20) when c−a−b &gt; 0, else +∞.</item>
/// </list>
/// <para>Accuracy: about 1e-14 relative for |z| ≤ 0.9 and moderate parameters (|a|, |b|, c ≲ 100); about 1e-11 for
/// z near 1 (cancellation in the connection formula costs up to three digits). c must not be a non-positive integer.</para>
/// </remarks>
internal static class Hypergeometric2F1
{
    private const double SeriesLimit = 0.9;
    private const double IntegerGap = 1e-3;
    private const int MaxTerms = 5_000_000;

    /// <summary>₂F₁(a, b; c; z) for z ≤ 1; NaN when c is a non-positive integer or z &gt; 1.</summary>
    public static double Evaluate(double a, double b, double c, double z)
    {
        if (z > 1 || double.IsNaN(z) || (c <= 0 && c == Math.Floor(c))) return double.NaN;
        if (z == 0 || a == 0 || b == 0) return 1.0;
        if (z < 0)
        {
            // Pfaff: pick the form whose series has the smaller parameter product.
            var w = z / (z - 1);
            return Math.Abs(a * (c - b)) <= Math.Abs(b * (c - a))
                ? Math.Pow(1 - z, -a) * EvaluateNonNegative(a, c - b, c, w)
                : Math.Pow(1 - z, -b) * EvaluateNonNegative(c - a, b, c, w);
        }
        return EvaluateNonNegative(a, b, c, z);
    }

    /// <summary>The defining series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, for |z| &lt; 1.</summary>
    internal static double Series(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        var small = 0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term == 0) break;
            // Stop once two consecutive terms are negligible and the terms are shrinking.
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum) && Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z) < 1)
            {
                if (++small == 2) break;
            }
            else small = 0;
        }
        return sum;
    }

    private static double EvaluateNonNegative(double a, double b, double c, double z)
    {
        if (z == 0) return 1.0;
        if (z == 1) return AtOne(a, b, c);
        if (z <= SeriesLimit || IsNonPositiveInteger(a) || IsNonPositiveInteger(b)) return Series(a, b, c, z);
        var d = c - a - b;
        if (Math.Abs(d - Math.Round(d)) < IntegerGap) return Series(a, b, c, z);

        // A&S 15.3.6: F = G1 F(a,b;a+b-c+1;1-z) + (1-z)^(c-a-b) G2 F(c-a,c-b;c-a-b+1;1-z).
        var y = 1 - z;
        var (lc, sc) = LnGammaSigned(c);
        var first = 0.0;
        var (l1, s1) = LnGammaSigned(d);
        var (l2, s2) = LnGammaSigned(c - a);
        var (l3, s3) = LnGammaSigned(c - b);
        if (s2 != 0 && s3 != 0) first = sc * s1 * s2 * s3 * Math.Exp(lc + l1 - l2 - l3) * Series(a, b, 1 - d, y);
        var second = 0.0;
        var (m1, t1) = LnGammaSigned(-d);
        var (m2, t2) = LnGammaSigned(a);
        var (m3, t3) = LnGammaSigned(b);
        if (t2 != 0 && t3 != 0)
            second = sc * t1 * t2 * t3 * Math.Exp(lc + m1 - m2 - m3 + d * Math.Log(y)) * Series(c - a, c - b, d + 1, y);
        return first + second;
    }

    private static double AtOne(double a, double b, double c)
    {
        var d = c - a - b;
        if (d <= 0) return double.PositiveInfinity;
        var (l0, s0) = LnGammaSigned(c);
        var (l1, s1) = LnGammaSigned(d);
        var (l2, s2) = LnGammaSigned(c - a);
        var (l3, s3) = LnGammaSigned(c - b);
        if (s2 == 0 || s3 == 0) return 0.0;
        return s0 * s1 * s2 * s3 * Math.Exp(l0 + l1 - l2 - l3);
    }

    private static bool IsNonPositiveInteger(double v) => v <= 0 && v == Math.Floor(v);

    /// <summary>ln|Γ(x)| and the sign of Γ(x); sign 0 at the poles (x a non-positive integer), where 1/Γ = 0.</summary>
    internal static (double LnAbs, int Sign) LnGammaSigned(double x)
    {
        if (x > 0) return (SpecialFunctions.GammaLn(x), 1);
        if (x == Math.Floor(x)) return (double.PositiveInfinity, 0);
        // Reflection: Γ(x) Γ(1-x) = π / sin(πx).
        var s = Math.Sin(Math.PI * x);
        return (Math.Log(Math.PI / Math.Abs(s)) - SpecialFunctions.GammaLn(1 - x), s > 0 ? 1 : -1);
    }
}
