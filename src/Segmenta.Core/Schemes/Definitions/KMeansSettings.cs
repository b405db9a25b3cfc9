using Segmenta.Core.Clustering;
using Segmenta.Core.Customers;

namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>kmeans</c>: customers clustered by k-means over numeric features, with k fixed or chosen by silhouette
/// (docs/clustering.md). The segments are the clusters <c>c1</c> .. <c>ck</c> (largest first) with generated names.
/// </summary>
/// <example>
/// <code>
/// name: cluster
/// kind: kmeans
/// kmeans:
///   features: [recency_days, orders, monetary_total, tenure_days]
///   k_range: [2, 10]        # or k: 4
///   seed: 42
///   log1p: auto             # auto | always | never, or a list of features
///   winsorize: [0.01, 0.99] # optional
/// </code>
/// </example>
public sealed record KMeansSettings
{
    /// <summary>The default features: recency, orders, total spend and tenure (all present for every customer).</summary>
    public static IReadOnlyList<string> DefaultFeatures { get; } =
        [FeatureNames.RecencyDays, FeatureNames.Orders, FeatureNames.MonetaryTotal, FeatureNames.TenureDays];

    /// <summary>YAML <c>features</c>: the numeric features clustered on.</summary>
    public IReadOnlyList<string> Features { get; init; } = DefaultFeatures;

    /// <summary>YAML <c>k</c>: a fixed number of clusters; null chooses k over <see cref="MinK"/>..<see cref="MaxK"/>.</summary>
    public int? K { get; init; }

    /// <summary>YAML <c>k_range[0]</c>: smallest k tried (default 2).</summary>
    public int MinK { get; init; } = KMeansOptions.DefaultMinK;

    /// <summary>YAML <c>k_range[1]</c>: largest k tried (default 10).</summary>
    public int MaxK { get; init; } = KMeansOptions.DefaultMaxK;

    /// <summary>YAML <c>seed</c>.</summary>
    public long Seed { get; init; } = KMeansOptions.DefaultSeed;

    /// <summary>YAML <c>restarts</c>: k-means++ restarts per k.</summary>
    public int Restarts { get; init; } = KMeansOptions.DefaultRestarts;

    /// <summary>YAML <c>log1p</c>: <c>auto</c> (default), <c>always</c> or <c>never</c>.</summary>
    public string Log1p { get; init; } = "auto";

    /// <summary>YAML <c>log1p</c> given as a list: exactly these features get log1p (overrides <see cref="Log1p"/>).</summary>
    public IReadOnlyList<string>? Log1pFeatures { get; init; }

    /// <summary>YAML <c>winsorize: [lower, upper]</c>: quantile probabilities to clamp each feature at, e.g. [0.01, 0.99].</summary>
    public IReadOnlyList<double>? Winsorize { get; init; }

    /// <summary>Lists every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Features.Count == 0) problems.Add("kmeans.features: give at least one numeric feature.");
        foreach (var duplicate in Features.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"kmeans.features: \"{duplicate.Key}\" is listed twice.");
        if (Log1p is not ("auto" or "always" or "never")) problems.Add($"kmeans.log1p: \"{Log1p}\" is not auto, always, never or a list of features.");
        if (Log1pFeatures is not null)
        {
            foreach (var f in Log1pFeatures.Where(f => !Features.Contains(f, StringComparer.Ordinal)))
                problems.Add($"kmeans.log1p: \"{f}\" is not one of the features.");
        }
        if (Winsorize is not null && Winsorize.Count != 2) problems.Add("kmeans.winsorize: give two probabilities [lower, upper], e.g. [0.01, 0.99].");
        if (K is { } k && k < 1) problems.Add("kmeans.k must be at least 1.");
        problems.AddRange(ToOptions().Validate().Select(p => "kmeans: " + p));
        if (Winsorize is { Count: 2 }) problems.AddRange(ToTransformOptions().Validate().Select(p => "kmeans: " + p));
        return problems;
    }

    /// <summary>The algorithm options these settings stand for.</summary>
    public KMeansOptions ToOptions() => new()
    {
        MinK = K ?? MinK,
        MaxK = K ?? MaxK,
        Seed = Seed,
        Restarts = Restarts,
    };

    /// <summary>The transform options these settings stand for.</summary>
    public FeatureTransformOptions ToTransformOptions() => new()
    {
        Log1p = Log1p switch { "always" => Log1pPolicy.Always, "never" => Log1pPolicy.Never, _ => Log1pPolicy.Auto },
        Log1pColumns = Log1pFeatures,
        Winsorize = Winsorize is { Count: 2 } w ? (w[0], w[1]) : null,
    };
}
