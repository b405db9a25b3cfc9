namespace Segmenta.Core.Trees;

/// <summary>Settings of <see cref="DecisionTree.Fit(IReadOnlyList{string}, IReadOnlyList{double[]}, IReadOnlyList{string}, DecisionTreeOptions?)"/>.</summary>
public sealed record DecisionTreeOptions
{
    /// <summary>Default maximum depth (3 levels: at most 8 rules).</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>Default minimum number of customers in a leaf.</summary>
    public const int DefaultMinLeafSize = 50;

    /// <summary>Default maximum number of value bins per feature (features with fewer distinct values split exactly).</summary>
    public const int DefaultMaxBins = 1024;

    /// <summary>Default number of rows the bin edges are taken from (every ⌈n/m⌉-th row).</summary>
    public const int DefaultBinSampleSize = 500_000;

    /// <summary>The default options.</summary>
    public static DecisionTreeOptions Default { get; } = new();

    /// <summary>Maximum depth (the root is depth 0), 1 .. 12.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>No split may leave fewer customers than this in a child (≥ 1).</summary>
    public int MinLeafSize { get; init; } = DefaultMinLeafSize;

    /// <summary>Maximum value bins per feature, 2 .. 65 535.</summary>
    public int MaxBins { get; init; } = DefaultMaxBins;

    /// <summary>Rows the bin edges are computed from.</summary>
    public int BinSampleSize { get; init; } = DefaultBinSampleSize;

    /// <summary>Threads used; the tree does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;

    /// <summary>Lists every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxDepth is < 1 or > 12) problems.Add($"Tree depth {MaxDepth}: use 1 to 12.");
        if (MinLeafSize < 1) problems.Add($"Minimum leaf size {MinLeafSize}: use at least 1.");
        if (MaxBins is < 2 or > 65_535) problems.Add($"MaxBins {MaxBins}: use 2 to 65535.");
        if (BinSampleSize < 1) problems.Add("BinSampleSize must be at least 1.");
        if (MaxDegreeOfParallelism < 1) problems.Add("MaxDegreeOfParallelism must be at least 1.");
        return problems;
    }
}
