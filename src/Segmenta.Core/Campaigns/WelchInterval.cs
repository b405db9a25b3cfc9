using MathNet.Numerics.Distributions;

namespace Segmenta.Core.Campaigns;

/// <summary>A difference of two means with its Welch confidence interval, and the relative lift with a delta-method interval.</summary>
/// <param name="TreatedMean">Mean of the treated group (x̄₁).</param>
/// <param name="ControlMean">Mean of the control group (x̄₂).</param>
/// <param name="Difference">x̄₁ − x̄₂.</param>
/// <param name="Low">Lower end of the interval for the difference.</param>
/// <param name="High">Upper end of the interval for the difference.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="Lift">Relative lift x̄₁ / x̄₂ − 1 (null when x̄₂ = 0).</param>
/// <param name="LiftLow">Lower end of the lift interval.</param>
/// <param name="LiftHigh">Upper end of the lift interval.</param>
/// <param name="TreatedCount">n₁.</param>
/// <param name="ControlCount">n₂.</param>
public sealed record WelchInterval(
    double TreatedMean, double ControlMean, double Difference, double Low, double High, double DegreesOfFreedom,
    double? Lift, double? LiftLow, double? LiftHigh, long TreatedCount, long ControlCount)
{
    /// <summary>
    /// Welch's interval for μ₁ − μ₂: (x̄₁ − x̄₂) ± t(1 − α/2; ν)·√(s₁²/n₁ + s₂²/n₂), with
    /// ν = (s₁²/n₁ + s₂²/n₂)² / [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)].
    /// Lift L = x̄₁/x̄₂ − 1; its interval comes from the delta method on log(x̄₁/x̄₂):
    /// Var ≈ s₁²/(n₁ x̄₁²) + s₂²/(n₂ x̄₂²), exp(log ratio ± t·√Var) − 1 (same t quantile).
    /// </summary>
    /// <remarks>
    /// Welch, B. L. (1947), "The generalization of 'Student's' problem when several different population variances are
    /// involved", Biometrika 34(1–2), 28–35; Satterthwaite, F. E. (1946), Biometrics Bulletin 2(6), 110–114, eq. (17).
    /// Delta method for a ratio of independent means: Casella &amp; Berger (2002), Statistical Inference, 2nd ed., §5.5.4.
    /// Needs n ≥ 2 in each group; with zero variance in both groups the interval is the point.
    /// </remarks>
    /// <exception cref="ArgumentException">A group has fewer than two values.</exception>
    public static WelchInterval Compute(IReadOnlyList<double> treated, IReadOnlyList<double> control, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(control);
        if (treated.Count < 2 || control.Count < 2)
            throw new ArgumentException($"Each group needs at least two customers (treated {treated.Count}, control {control.Count}).", nameof(treated));
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence lies in (0, 1).");
        var (m1, v1) = MeanVariance(treated);
        var (m2, v2) = MeanVariance(control);
        double n1 = treated.Count, n2 = control.Count;
        var a = v1 / n1;
        var b = v2 / n2;
        var se = Math.Sqrt(a + b);
        var df = a + b == 0 ? n1 + n2 - 2 : (a + b) * (a + b) / ((a * a / (n1 - 1)) + (b * b / (n2 - 1)));
        var t = StudentT.InvCDF(0, 1, df, 1 - ((1 - confidence) / 2));
        var diff = m1 - m2;
        double? lift = null, low = null, high = null;
        if (m2 > 0 && m1 > 0)
        {
            var logRatio = Math.Log(m1 / m2);
            var seLog = Math.Sqrt((v1 / (n1 * m1 * m1)) + (v2 / (n2 * m2 * m2)));
            lift = (m1 / m2) - 1;
            low = Math.Exp(logRatio - (t * seLog)) - 1;
            high = Math.Exp(logRatio + (t * seLog)) - 1;
        }
        else if (m2 > 0)
        {
            lift = -1;
        }
        return new WelchInterval(m1, m2, diff, diff - (t * se), diff + (t * se), df, lift, low, high, treated.Count, control.Count);
    }

    /// <summary>Whether the difference interval contains <paramref name="value"/>.</summary>
    public bool Covers(double value) => Low <= value && value <= High;

    /// <summary>Whether the lift interval contains <paramref name="value"/>.</summary>
    public bool LiftCovers(double value) => LiftLow is { } l && LiftHigh is { } h && l <= value && value <= h;

    /// <summary>Mean and unbiased sample variance (two-pass, for accuracy).</summary>
    internal static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values)
    {
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Count;
        var ss = 0.0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return (mean, values.Count > 1 ? ss / (values.Count - 1) : 0);
    }
}
