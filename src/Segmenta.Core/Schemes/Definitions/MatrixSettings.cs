namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>matrix</c>: an n × m grid over two measures. Every cell (row band, column band) must be named by exactly one
/// segment through <see cref="SegmentDefinition.Cell"/>. <see cref="SchemePresets.ValueFrequencyMatrix"/> builds the
/// classic 2 × 2 高价值高频 / 高价值低频 / 低价值高频 / 低价值低频.
/// </summary>
public sealed record MatrixSettings
{
    /// <summary>YAML <c>rows</c>: the measure whose bands are the rows (e.g. value).</summary>
    public AxisDefinition Rows { get; init; } = new();

    /// <summary>YAML <c>columns</c>: the measure whose bands are the columns (e.g. frequency).</summary>
    public AxisDefinition Columns { get; init; } = new();
}
