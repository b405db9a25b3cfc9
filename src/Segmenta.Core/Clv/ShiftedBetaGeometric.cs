using System.Globalization;
using MathNet.Numerics;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Entry points of the shifted-beta-geometric (sBG) contractual retention model (Fader &amp; Hardie 2007, "How to
/// Project Customer Retention", Journal of Interactive Marketing 21(1), 76–90).
/// </summary>
public static class ShiftedBetaGeometric
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "sbg".</summary>
    public const string Name = "sbg";

    private static readonly string[] Names = ["alpha", "beta"];

    /// <summary>
    /// Maximum-likelihood fit of (α, β) to a cohort's survivor counts: <paramref name="survivors"/>[0] is the cohort size,
    /// [t] the customers still active after t periods (non-increasing). LL = Σₜ (S(t−1)·N − S(t)·N) ln P(T = t)
    /// + nₜ_last ln S(t_last) (Fader &amp; Hardie 2007, eq. (6)).
    /// </summary>
    /// <exception cref="SegmentaInputException">Fewer than two periods, increasing counts, or no churn at all.</exception>
    public static ShiftedBetaGeometricModel Fit(ReadOnlySpan<double> survivors, FitOptions? options = null)
    {
        var s = survivors.ToArray();
        Validate(s);
        var fit = MaximumLikelihood.Fit(Name, Names, (p, g) => Evaluate(s, p, g), [1.0, 1.0], s[0], options ?? FitOptions.Default);
        return new ShiftedBetaGeometricModel(fit.Parameters["alpha"], fit.Parameters["beta"]) { Fit = fit };
    }

    /// <summary>Log-likelihood of eq. (6) at (α, β).</summary>
    public static double LogLikelihood(ReadOnlySpan<double> survivors, double alpha, double beta)
    {
        var s = survivors.ToArray();
        Validate(s);
        return Evaluate(s, [alpha, beta], new double[2]);
    }

    internal static double Evaluate(double[] survivors, ReadOnlySpan<double> p, Span<double> gradient)
    {
        double a = p[0], b = p[1], ll = 0, ga = 0, gb = 0;
        double psiAb = SpecialFunctions.DiGamma(a + b), lnBab = SpecialFunctions.BetaLn(a, b);
        double psiA = SpecialFunctions.DiGamma(a), psiB = SpecialFunctions.DiGamma(b), psiA1 = SpecialFunctions.DiGamma(a + 1);
        var last = survivors.Length - 1;
        for (var t = 1; t <= last; t++)
        {
            // P(T = t) = B(α+1, β+t−1)/B(α,β).
            var lost = survivors[t - 1] - survivors[t];
            if (lost > 0)
            {
                ll += lost * (SpecialFunctions.BetaLn(a + 1, b + t - 1) - lnBab);
                var psiTot = SpecialFunctions.DiGamma(a + b + t);
                ga += lost * (psiA1 - psiTot - psiA + psiAb);
                gb += lost * (SpecialFunctions.DiGamma(b + t - 1) - psiTot - psiB + psiAb);
            }
        }
        // S(t) = B(α, β+t)/B(α,β) for those still active at the end.
        var alive = survivors[last];
        if (alive > 0)
        {
            ll += alive * (SpecialFunctions.BetaLn(a, b + last) - lnBab);
            var psiTot = SpecialFunctions.DiGamma(a + b + last);
            ga += alive * (psiA - psiTot - psiA + psiAb);
            gb += alive * (SpecialFunctions.DiGamma(b + last) - psiTot - psiB + psiAb);
        }
        gradient[0] = ga; gradient[1] = gb;
        return ll;
    }

    private static void Validate(double[] s)
    {
        if (s.Length < 2)
            throw new SegmentaInputException($"{Name}: need the cohort size and at least one later survivor count.");
        for (var t = 0; t < s.Length; t++)
        {
            if (!double.IsFinite(s[t]) || s[t] < 0 || (t > 0 && s[t] > s[t - 1]))
            {
                throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{Name}: survivor count at period {t} ({s[t]}) must be finite, >= 0 and not above the previous period's."));
            }
        }
        if (s[0] <= 0 || s[^1] == s[0])
            throw new SegmentaInputException($"{Name}: the cohort is empty or nobody churned, so the churn distribution cannot be estimated.");
    }
}
