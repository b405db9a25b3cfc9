using Segmenta.Core.Schemes;

namespace Segmenta.Core.Reporting;

/// <summary>
/// A stage scheme (lifecycle, behaviour) crossed with a value scheme: customers per (stage, value) pair.
/// Stage sizes are the row totals.
/// </summary>
/// <param name="Scheme">The stage scheme, e.g. <c>lifecycle</c>.</param>
/// <param name="ValueScheme">The value scheme on the columns, e.g. <c>value_tier</c>.</param>
/// <param name="Rows">Stages, in display order.</param>
/// <param name="Columns">Value classes, in display order.</param>
/// <param name="Counts">Counts[row][column].</param>
public sealed record CrossTabSection(
    string Scheme,
    string ValueScheme,
    IReadOnlyList<LocalizedText> Rows,
    IReadOnlyList<LocalizedText> Columns,
    IReadOnlyList<IReadOnlyList<long>> Counts)
{
    /// <summary>Display title; null = the scheme name.</summary>
    public LocalizedText? Title { get; init; }
}
