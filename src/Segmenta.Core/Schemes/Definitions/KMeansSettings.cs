using Segmenta.Core.Clustering;
using Segmenta.Core.Customers;

namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>kmeans</c>: customers clustered by k-means over numeric features, with k fixed or chosen by silhouette
/// (docs/ml.md, docs/schemes.md). The model is fitted when the scheme is planned; the segments are the clusters
/// <c>c1</c> .. <c>ck</c> (largest first) with generated bilingual names, unless <c>segments</c> name them.
/// Also the settings of <c>segmenta cluster</c>.
/// </summary>
/// <example>
/// <code>
/// name: spend_clusters
/// kind: kmeans
/// features: [recency_days, frequency, monetary_total]
/// k: 4                    # or k: auto with k_range: [2, 10]
/// transform: auto         # winsorise [0.01, 0.99] + log1p by skewness + z-score; none: z-score only
/// seed: 42
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

    /// <summary>The values of <see cref="Transform"/>.</summary>
    public static IReadOnlyList<string> Transforms { get; } = ["auto", "none"];

    /// <summary>The winsorising quantiles of <c>transform: auto</c> when <see cref="Winsorize"/> is not given.</summary>
    public static IReadOnlyList<double> AutoWinsorize { get; } = [0.01, 0.99];

    /// <summary>
    /// YAML <c>transform</c> (scheme files): <c>auto</c> winsorises at <see cref="AutoWinsorize"/>, applies log1p to
    /// skewed non-negative features (<see cref="Log1p"/> <c>auto</c>) and z-scores; <c>none</c> only z-scores. Null (the
    /// cluster command) uses <see cref="Log1p"/> and <see cref="Winsorize"/> as given.
    /// </summary>
    public string? Transform { get; init; }

    /// <summary>YAML <c>log1p</c>: <c>auto</c> (default), <c>always</c> or <c>never</c>.</summary>
    public string Log1p { get; init; } = "auto";

    /// <summary>YAML <c>log1p</c> given as a list: exactly these features get log1p (overrides <see cref="Log1p"/>).</summary>
    public IReadOnlyList<string>? Log1pFeatures { get; init; }

    /// <summary>YAML <c>winsorize: [lower, upper]</c>: quantile probabilities to clamp each feature at, e.g. [0.01, 0.99].</summary>
    public IReadOnlyList<double>? Winsorize { get; init; }

    /// <summary>Lists every problem (empty when valid), each as "kmeans.field: message".</summary>
    public IReadOnlyList<string> Validate() => [.. Problems().Select(p => $"kmeans.{p.Path}: {p.Message}")];

    /// <summary>Every problem with the path of its field (<c>k</c>, <c>features</c> …), for scheme files.</summary>
    public IReadOnlyList<(string Path, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Features.Count == 0) problems.Add(("features", "give at least one numeric feature, e.g. [recency_days, orders, monetary_total]"));
        foreach (var duplicate in Features.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add(("features", $"\"{duplicate.Key}\" is listed twice"));
        if (Log1p is not ("auto" or "always" or "never")) problems.Add(("log1p", $"\"{Log1p}\" is not auto, always, never or a list of features"));
        if (Transform is not null && !Transforms.Contains(Transform, StringComparer.Ordinal))
            problems.Add(("transform", $"\"{Transform}\" is not auto (winsorise + log1p by skewness + z-score) or none (z-score only)"));
        if (Log1pFeatures is not null)
        {
            foreach (var f in Log1pFeatures.Where(f => !Features.Contains(f, StringComparer.Ordinal)))
                problems.Add(("log1p", $"\"{f}\" is not one of the features"));
        }
        if (Winsorize is not null && Winsorize.Count != 2) problems.Add(("winsorize", "give two probabilities [lower, upper], e.g. [0.01, 0.99]"));
        if (K is { } k && k < 2) problems.Add(("k", $"{k} clusters: k must be at least 2 (or auto with k_range: [2, 10])"));
        else if (K is null && (MinK < 2 || MaxK < MinK)) problems.Add(("k_range", $"[{MinK}, {MaxK}] must be two numbers 2 ≤ low ≤ high, e.g. [2, 10]"));
        if (Restarts < 1) problems.Add(("restarts", $"{Restarts}: give at least 1 restart"));
        if (problems.Count == 0) problems.AddRange(ToOptions().Validate().Select(p => ("k", p)));
        if (Winsorize is { Count: 2 } || Transform == "auto") problems.AddRange(ToTransformOptions().Validate().Select(p => ("winsorize", p)));
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
        Log1p = Transform == "none" ? Log1pPolicy.Never : Log1p switch { "always" => Log1pPolicy.Always, "never" => Log1pPolicy.Never, _ => Log1pPolicy.Auto },
        Log1pColumns = Transform == "none" ? null : Log1pFeatures,
        Winsorize = Winsorize is { Count: 2 } w ? (w[0], w[1]) : Transform == "auto" ? (AutoWinsorize[0], AutoWinsorize[1]) : null,
    };
}
