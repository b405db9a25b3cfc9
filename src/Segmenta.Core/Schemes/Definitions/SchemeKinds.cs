namespace Segmenta.Core.Schemes.Definitions;

/// <summary>The values of <see cref="SchemeDefinition.Kind"/>.</summary>
public static class SchemeKinds
{
    /// <summary>Ordered segments, each with a <c>when</c> rule; the first that matches wins; a default takes the rest.</summary>
    public const string Rules = "rules";

    /// <summary>One measure cut into named tiers by quantiles, equal widths or fixed breaks (<see cref="BinsSettings"/>).</summary>
    public const string Bins = "bins";

    /// <summary>An n × m grid over two measures, each split at cut points (<see cref="MatrixSettings"/>).</summary>
    public const string Matrix = "matrix";

    /// <summary>Grades A/B/C/D by contribution × potential (<see cref="GradingSettings"/>).</summary>
    public const string Grading = "grading";

    /// <summary>Lifecycle stages: prospect, new, active, reactivated, dormant, churned (<see cref="LifecycleSettings"/>).</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>Loyal / potential / lost by rules, with built-in default rules that segments may override.</summary>
    public const string Behaviour = "behaviour";

    /// <summary>Functional / experience / value-seeking needs by rules, with built-in default rules that segments may override.</summary>
    public const string Needs = "needs";

    /// <summary>Groups by one attribute column, optionally through a value → segment mapping (<see cref="AttributeSettings"/>).</summary>
    public const string Attribute = "attribute";

    /// <summary>The product of two other schemes' segment columns (<see cref="CombineSettings"/>).</summary>
    public const string Combine = "combine";

    /// <summary>Clusters found by k-means over chosen features, fitted at plan time (<see cref="KMeansSettings"/>).</summary>
    public const string KMeans = "kmeans";

    /// <summary>Every kind, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Rules, Bins, Matrix, Grading, Lifecycle, Behaviour, Needs, Attribute, Combine, KMeans];
}
