namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>combine</c>: the product of two other schemes. Each customer has a segment in both; the segments of this
/// scheme name the combinations that matter through <see cref="SegmentDefinition.Match"/>, first match wins, and
/// every other combination gives <see cref="SchemeDefinition.Default"/>. The two schemes must run first, so their
/// segment columns are features here.
/// </summary>
public sealed record CombineSettings
{
    /// <summary>YAML <c>first</c>: the segment column of the first scheme (a user scheme's column is its name; built-in: <c>rfm_segment</c>, <c>abc_class</c>, <c>value_tier</c>).</summary>
    public string First { get; init; } = "";

    /// <summary>YAML <c>second</c>: the segment column of the second scheme.</summary>
    public string Second { get; init; } = "";
}
