namespace Segmenta.Core.Trees;

/// <summary>The range of one feature along a path of the tree: Lower &lt; x ≤ Upper (either end may be open).</summary>
/// <param name="Feature">Feature index.</param>
/// <param name="Lower">Exclusive lower bound, or null.</param>
/// <param name="Upper">Inclusive upper bound, or null.</param>
/// <param name="IncludesMissing">Whether missing values of the feature follow this path (they go left at every split).</param>
public sealed record TreeCondition(int Feature, double? Lower, double? Upper, bool IncludesMissing);
