namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>attribute</c>: groups customers by one attribute column. With a <see cref="Mapping"/>, each listed value
/// gives its segment and every other value (and null) gives <see cref="SchemeDefinition.Default"/>. Without one, the
/// segment is the column's own value (the column must be text) and null gives the default.
/// </summary>
public sealed record AttributeSettings
{
    /// <summary>YAML <c>column</c>: the attribute column, e.g. <c>region</c> or <c>客户等级</c>.</summary>
    public string Column { get; init; } = "";

    /// <summary>
    /// YAML <c>mapping: { 浙江: east, 江苏: east }</c>: column value (as written; numbers and true/false are read by
    /// the column's type) → segment key. Every target must be a segment or the default.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Mapping { get; init; }
}
