namespace Segmenta.Core.Clv.Internal;

/// <summary>Small helpers for stable arithmetic on log quantities.</summary>
internal static class LogMath
{
    /// <summary>ln(e^u + e^v) without overflow; either argument may be −∞.</summary>
    public static double LogSumExp(double u, double v)
    {
        if (double.IsNegativeInfinity(v)) return u;
        if (double.IsNegativeInfinity(u)) return v;
        var m = Math.Max(u, v);
        return m + Math.Log(Math.Exp(u - m) + Math.Exp(v - m));
    }

    /// <summary>ln(1 − e^d) for d &lt; 0, accurate when d is near 0 (Mächler 2012, "Accurately Computing log(1 − exp(−|a|))").</summary>
    public static double Log1MinusExp(double d) =>
        d > -0.6931471805599453 ? Math.Log(-ExpM1(d)) : Math.Log(1 - Math.Exp(d));

    /// <summary>e^d − 1, accurate for small |d| (Taylor series below 1e-5).</summary>
    public static double ExpM1(double d) =>
        Math.Abs(d) < 1e-5 ? d + d * d / 2 + d * d * d / 6 : Math.Exp(d) - 1;
}
