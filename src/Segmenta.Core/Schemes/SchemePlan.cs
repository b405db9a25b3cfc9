namespace Segmenta.Core.Schemes;

/// <summary>
/// What a scheme computes, ready for any engine: layers of derived columns (a later layer may use the
/// columns of an earlier one), the column that holds the segment, the segments in display order, and the
/// parameters that were fixed from the population (cut points, means), reported so results can be explained.
/// </summary>
/// <param name="Scheme">Scheme name, e.g. <c>rfm</c>.</param>
/// <param name="Layers">Derived columns, layer by layer.</param>
/// <param name="SegmentColumn">Name of the derived column holding the segment key.</param>
/// <param name="Segments">The segments, in display order.</param>
/// <param name="Parameters">Named population parameters (cut points, means, thresholds), for reports and summary.json.</param>
public sealed record SchemePlan(
    string Scheme,
    IReadOnlyList<IReadOnlyList<DerivedColumn>> Layers,
    string SegmentColumn,
    IReadOnlyList<SegmentInfo> Segments,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> Parameters);
