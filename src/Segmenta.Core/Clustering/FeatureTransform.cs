using System.Globalization;

namespace Segmenta.Core.Clustering;

/// <summary>
/// The fitted feature transform of a clustering: per feature optional winsorising, optional log1p, then
/// z-standardisation, so every feature weighs the same in the Euclidean distance k-means minimises.
/// </summary>
/// <remarks>
/// <para>Order: winsorise at the quantiles (R type 7, Hyndman &amp; Fan 1996) of the raw values, then y = ln(1 + x)
/// where chosen, then z = (y − mean) / sd (population sd).</para>
/// <para>Auto log1p: applied when the feature's minimum is ≥ 0 and its sample skewness
/// g₁ = m₃ / m₂^(3/2) (the moment coefficient, Joanes &amp; Gill 1998, "Comparing measures of sample skewness and
/// kurtosis", The Statistician 47(1), b₁ = g₁) exceeds the threshold (default 1): spend, order counts and day
/// counts of customers are usually right-skewed, and without the log a few large customers dominate the distance.</para>
/// </remarks>
/// <param name="Columns">One fitted transform per feature, in the matrix's column order.</param>
public sealed record FeatureTransform(IReadOnlyList<ColumnTransform> Columns)
{
    /// <summary>Fits the transform on the rows of <paramref name="matrix"/>.</summary>
    /// <exception cref="SegmentaInputException">log1p is asked for a feature with values below 0, or a feature has no value.</exception>
    public static FeatureTransform Fit(FeatureMatrix matrix, FeatureTransformOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= FeatureTransformOptions.Default;
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var explicitLog = options.Log1pColumns is null ? null : new HashSet<string>(options.Log1pColumns, StringComparer.Ordinal);
        var columns = new ColumnTransform[matrix.Dimensions];
        for (var j = 0; j < matrix.Dimensions; j++)
            columns[j] = FitColumn(matrix.Columns[j], matrix.Column(j), options, explicitLog);
        return new FeatureTransform(columns);
    }

    /// <summary>The transformed matrix (same rows and column names).</summary>
    /// <exception cref="ArgumentException">The matrix has other columns than the transform.</exception>
    public FeatureMatrix Apply(FeatureMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.Columns.SequenceEqual(Columns.Select(c => c.Name), StringComparer.Ordinal))
            throw new ArgumentException("The matrix's columns differ from the transform's.", nameof(matrix));
        var d = Columns.Count;
        var source = matrix.Values;
        var values = new double[source.Length];
        Parallel.For(0, (source.Length + 65_535) / 65_536, chunk =>
        {
            var end = Math.Min(source.Length, (chunk + 1) * 65_536);
            for (var i = chunk * 65_536; i < end; i++) values[i] = Columns[i % d].Apply(source[i]);
        });
        return new FeatureMatrix(matrix.Columns, values);
    }

    private static ColumnTransform FitColumn(string name, double[] raw, FeatureTransformOptions options, HashSet<string>? explicitLog)
    {
        var present = raw.Where(v => !double.IsNaN(v)).ToArray();
        var missing = raw.Length - present.Length;
        if (present.Length == 0)
            throw new SegmentaInputException($"Feature \"{name}\" has no value for any customer; leave it out of the clustering features.");
        double lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        if (options.Winsorize is { } w)
        {
            var sorted = (double[])present.Clone();
            Array.Sort(sorted);
            lower = Quantile(sorted, w.Lower);
            upper = Quantile(sorted, w.Upper);
            for (var i = 0; i < present.Length; i++) present[i] = Math.Clamp(present[i], lower, upper);
        }
        var skewness = Skewness(present);
        var min = present.Min();
        bool log;
        if (explicitLog is not null) log = explicitLog.Contains(name);
        else if (options.Log1p == Log1pPolicy.Always) log = true;
        else if (options.Log1p == Log1pPolicy.Never) log = false;
        else log = min >= 0 && skewness > options.SkewnessThreshold;
        if (log && min < 0)
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"Feature \"{name}\" has values below 0 (minimum {min:G6}), so log1p cannot be applied; leave it out of the log1p features (--log1p auto or a list without it)."));
        double sum = 0;
        foreach (var v in present) sum += log ? Math.Log(1 + v) : v;
        var mean = sum / present.Length;
        double ss = 0;
        foreach (var v in present)
        {
            var y = (log ? Math.Log(1 + v) : v) - mean;
            ss += y * y;
        }
        var sd = Math.Sqrt(ss / present.Length);
        return new ColumnTransform(name, log, lower, upper, mean, sd > 1e-12 ? sd : 1.0, skewness, missing);
    }

    /// <summary>Sample skewness g₁ = m₃ / m₂^(3/2); 0 for a constant feature.</summary>
    internal static double Skewness(IReadOnlyList<double> values)
    {
        double mean = 0;
        foreach (var v in values) mean += v;
        mean /= values.Count;
        double m2 = 0, m3 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.Count;
        m3 /= values.Count;
        return m2 > 1e-300 ? m3 / Math.Pow(m2, 1.5) : 0;
    }

    /// <summary>R type 7 quantile of sorted values: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1) p (Hyndman &amp; Fan 1996).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
