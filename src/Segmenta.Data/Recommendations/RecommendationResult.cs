using Segmenta.Core.Recommendations;

namespace Segmenta.Data.Recommendations;

/// <summary>What a <c>recommend</c> run produced.</summary>
/// <param name="Scheme">The scheme (or column) the segments came from.</param>
/// <param name="SegmentColumn">The column holding each customer's segment.</param>
/// <param name="AsOf">The last day used.</param>
/// <param name="Customers">Customers who got recommendations.</param>
/// <param name="Recommendations">Rows written (customer × rank).</param>
/// <param name="CategorySource">Where categories came from: <c>products_file</c>, <c>category_column</c> or <c>product_id_prefix</c>.</param>
/// <param name="Evaluation">The holdout evaluation, when asked for.</param>
/// <param name="Files">Files written, by key.</param>
public sealed record RecommendationResult(
    string Scheme, string SegmentColumn, DateOnly AsOf, int Customers, long Recommendations, string CategorySource,
    RecommendationEvaluation? Evaluation, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>Wall seconds per step (import, evaluate, segment, count, recommend, write_…).</summary>
    public IReadOnlyDictionary<string, double> StepSeconds { get; init; } = new Dictionary<string, double>();
}

/// <summary>Hit rate @N of the segment recommendations and of the popularity baseline on the same customers.</summary>
/// <param name="SplitDate">History and segments up to this day.</param>
/// <param name="HoldoutEnd">Hits counted in (split, holdout end].</param>
/// <param name="Top">N.</param>
/// <param name="Segment">Segment-based recommendations.</param>
/// <param name="Popularity">Top-N most popular not yet bought.</param>
public sealed record RecommendationEvaluation(DateOnly SplitDate, DateOnly HoldoutEnd, int Top, HitRate Segment, HitRate Popularity);
