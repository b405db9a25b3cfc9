namespace Segmenta.Core.Clustering;

/// <summary>How raw features are transformed before clustering: winsorise, log1p, standardise (in that order).</summary>
public sealed record FeatureTransformOptions
{
    /// <summary>Default skewness above which <see cref="Log1pPolicy.Auto"/> applies log1p.</summary>
    public const double DefaultSkewnessThreshold = 1.0;

    /// <summary>The default options (auto log1p, no winsorising).</summary>
    public static FeatureTransformOptions Default { get; } = new();

    /// <summary>When log1p is applied (default <see cref="Log1pPolicy.Auto"/>).</summary>
    public Log1pPolicy Log1p { get; init; } = Log1pPolicy.Auto;

    /// <summary>
    /// When set, exactly these features get log1p and the others do not; overrides <see cref="Log1p"/>.
    /// </summary>
    public IReadOnlyList<string>? Log1pColumns { get; init; }

    /// <summary>Sample skewness g₁ above which <see cref="Log1pPolicy.Auto"/> applies log1p.</summary>
    public double SkewnessThreshold { get; init; } = DefaultSkewnessThreshold;

    /// <summary>
    /// Optional winsorising: values below the <c>Lower</c> quantile or above the <c>Upper</c> quantile (probabilities,
    /// e.g. 0.01 and 0.99; R type 7) are set to those quantiles. Null: no winsorising.
    /// </summary>
    public (double Lower, double Upper)? Winsorize { get; init; }

    /// <summary>Lists every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Log1p)) problems.Add($"Unknown log1p policy {Log1p}.");
        if (!(SkewnessThreshold >= 0 && double.IsFinite(SkewnessThreshold)))
            problems.Add("The skewness threshold must be a finite number ≥ 0.");
        if (Winsorize is { } w && !(w.Lower >= 0 && w.Lower < w.Upper && w.Upper <= 1))
            problems.Add("Winsorising needs 0 ≤ lower < upper ≤ 1 (probabilities, e.g. 0.01 and 0.99).");
        return problems;
    }
}
