namespace Segmenta.Core.Clustering;

/// <summary>When the log1p transform y = ln(1 + x) is applied to a feature before standardisation.</summary>
public enum Log1pPolicy
{
    /// <summary>
    /// When the feature has no value below 0 and its sample skewness (after winsorising) is above
    /// <see cref="FeatureTransformOptions.SkewnessThreshold"/> (default 1).
    /// </summary>
    Auto = 0,

    /// <summary>To every feature (a feature with a value below 0 is an error).</summary>
    Always = 1,

    /// <summary>To no feature.</summary>
    Never = 2,
}
