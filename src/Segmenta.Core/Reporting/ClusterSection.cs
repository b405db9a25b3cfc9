using Segmenta.Core.Schemes;

namespace Segmenta.Core.Reporting;

/// <summary>Cluster profiles (for a radar / parallel-coordinates chart) and the rules of the tree that explains them.</summary>
/// <param name="Features">The clustering features, in profile order.</param>
/// <param name="Profiles">One profile per cluster.</param>
/// <param name="Rules">Readable rules of the explaining tree (one per leaf); may be empty.</param>
public sealed record ClusterSection(IReadOnlyList<string> Features, IReadOnlyList<ClusterProfile> Profiles, IReadOnlyList<ClusterRule> Rules)
{
    /// <summary>The cluster scheme (segment column), e.g. <c>cluster</c>.</summary>
    public string Scheme { get; init; } = "cluster";

    /// <summary>Share of customers whose tree leaf predicts their own cluster; null when no tree explained them.</summary>
    public double? Fidelity { get; init; }
}

/// <summary>One cluster.</summary>
/// <param name="Key">Cluster key.</param>
/// <param name="Label">Display name.</param>
/// <param name="Customers">Customers.</param>
/// <param name="Centre">Centre per feature, standardised (z-scores) so features share one axis.</param>
public sealed record ClusterProfile(string Key, LocalizedText Label, long Customers, IReadOnlyList<double> Centre)
{
    /// <summary>Centre per feature in original units (the cluster's means); empty when unknown.</summary>
    public IReadOnlyList<double> Means { get; init; } = [];
}

/// <summary>A leaf of the explaining tree.</summary>
/// <param name="Cluster">Cluster key the leaf predicts.</param>
/// <param name="Rule">The path as a rule in the rule language, e.g. <c>orders &gt;= 3 and recency_days &lt; 90</c>.</param>
/// <param name="Customers">Customers reaching the leaf.</param>
/// <param name="Purity">Share of them in <paramref name="Cluster"/>.</param>
public sealed record ClusterRule(string Cluster, string Rule, long Customers, double Purity)
{
    /// <summary>The rule in both languages (as <c>segmenta explain</c> prints it); null = <see cref="Rule"/>.</summary>
    public LocalizedText? Text { get; init; }
}
