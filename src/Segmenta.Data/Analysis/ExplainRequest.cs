using Segmenta.Core.Trees;

namespace Segmenta.Data.Analysis;

/// <summary>What <see cref="ExplainService.ExplainAsync"/> explains: which segment column of the last run, from which features, how deep.</summary>
public sealed record ExplainRequest
{
    /// <summary>The DuckDB store of the last run.</summary>
    public string Database { get; init; } = DuckDb.DuckDbStore.DefaultPath;

    /// <summary>
    /// The scheme: a built-in name (<c>rfm</c>, <c>rfm_cn8</c>, <c>abc</c>, <c>value_tier</c>), <c>cluster</c>, a user scheme,
    /// or any segment column of <c>customer_segments</c> (<c>rfm_segment</c>, <c>abc_class</c> …).
    /// </summary>
    public required string Scheme { get; init; }

    /// <summary>Numeric features the rules may use; null: the readable defaults present in the store (<see cref="ExplainService.DefaultFeatures"/>).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Maximum tree depth.</summary>
    public int Depth { get; init; } = DecisionTreeOptions.DefaultMaxDepth;

    /// <summary>Minimum customers per leaf.</summary>
    public int MinLeaf { get; init; } = DecisionTreeOptions.DefaultMinLeafSize;
}
