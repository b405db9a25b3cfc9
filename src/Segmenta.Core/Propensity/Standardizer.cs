namespace Segmenta.Core.Propensity;

/// <summary>Column means and standard deviations of a training matrix; z = (x − mean) / sd (sd = 1 for a constant column).</summary>
/// <param name="Means">Mean of each column.</param>
/// <param name="Scales">Population standard deviation of each column (1 when it is 0).</param>
public sealed record Standardizer(double[] Means, double[] Scales)
{
    /// <summary>Measures every column of <paramref name="x"/>.</summary>
    public static Standardizer Of(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var k = x.Columns;
        var means = new double[k];
        var scales = new double[k];
        for (var j = 0; j < k; j++)
        {
            // Welford's running mean and sum of squares: stable for large n.
            double mean = 0, m2 = 0;
            for (var i = 0; i < x.Rows; i++)
            {
                var v = x[i, j];
                var delta = v - mean;
                mean += delta / (i + 1);
                m2 += delta * (v - mean);
            }
            means[j] = mean;
            var sd = x.Rows > 0 ? Math.Sqrt(m2 / x.Rows) : 0;
            scales[j] = sd > 1e-12 ? sd : 1;
        }
        return new Standardizer(means, scales);
    }

    /// <summary>Writes the standardised row <paramref name="row"/> into <paramref name="z"/>.</summary>
    public void Apply(ReadOnlySpan<double> row, Span<double> z)
    {
        for (var j = 0; j < row.Length; j++) z[j] = (row[j] - Means[j]) / Scales[j];
    }
}
