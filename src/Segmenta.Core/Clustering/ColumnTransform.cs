namespace Segmenta.Core.Clustering;

/// <summary>
/// The fitted transform of one feature: z = (f(clamp(x, Lower, Upper)) − Mean) / StdDev with f = log1p or the
/// identity. A missing value maps to z = 0 (the population mean).
/// </summary>
/// <param name="Name">Feature name.</param>
/// <param name="Log1p">Whether f is ln(1 + x).</param>
/// <param name="Lower">Winsorising floor (−∞ when not winsorised).</param>
/// <param name="Upper">Winsorising ceiling (+∞ when not winsorised).</param>
/// <param name="Mean">Mean of f(clamped x) over the non-missing values.</param>
/// <param name="StdDev">Population standard deviation of f(clamped x); 1 when the feature is constant.</param>
/// <param name="Skewness">Sample skewness g₁ of the clamped raw values (the auto log1p criterion).</param>
/// <param name="Missing">Number of missing values (set to z = 0).</param>
public sealed record ColumnTransform(
    string Name, bool Log1p, double Lower, double Upper, double Mean, double StdDev, double Skewness, long Missing)
{
    /// <summary>The transformed, standardised value of a raw value.</summary>
    public double Apply(double raw)
    {
        if (double.IsNaN(raw)) return 0;
        var x = Math.Clamp(raw, Lower, Upper);
        var y = Log1p ? Math.Log(1 + x) : x;
        return (y - Mean) / StdDev;
    }

    /// <summary>The raw value whose transformed value is <paramref name="z"/> (inverse of <see cref="Apply"/> inside the winsorising bounds).</summary>
    public double Invert(double z)
    {
        var y = (z * StdDev) + Mean;
        return Log1p ? Math.Exp(y) - 1 : y;
    }
}
