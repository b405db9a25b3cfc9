using System.Text.RegularExpressions;
using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Data.Schemes;

/// <summary>A scheme file read into a <see cref="SchemeDefinition"/>, with the position of every field so that validation problems point at their YAML line.</summary>
public sealed partial class SchemeDocument
{
    private readonly IReadOnlyDictionary<string, YamlNode> _nodes;

    internal SchemeDocument(string source, SchemeDefinition definition, IReadOnlyDictionary<string, YamlNode> nodes)
    {
        Source = source;
        Definition = definition;
        _nodes = nodes;
    }

    /// <summary>The file as the user named it, or <c>preset:NAME</c>.</summary>
    public string Source { get; }

    /// <summary>The scheme.</summary>
    public SchemeDefinition Definition { get; }

    /// <summary>
    /// The line and column of a validator path such as <c>segments[2].when</c> or <c>bins.breaks[1]</c>: the field's
    /// value when written, else the closest written parent (a missing field points at the block it belongs in).
    /// </summary>
    public (int Line, int Column) PositionOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = NodeOf(path);
        return node is null ? (1, 1) : (node.At.Line, node.At.Column);
    }

    private YamlNode? NodeOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_nodes.TryGetValue(p, out var node)) return node;
            if (p.Length == 0) return null;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>
    /// A validator message (<c>path: message</c>) as a problem at the path's position. A rule problem that names its
    /// column inside the rule (<c>segments[0].when: column 17: …</c>) points at that character when the rule is on one line.
    /// </summary>
    public SchemeProblem Locate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = PathPrefix().Match(message);
        if (!m.Success)
        {
            var kind = NodeOf("kind");
            return new SchemeProblem(Source, kind?.At.Line ?? 1, kind?.At.Column ?? 1, message);
        }
        var path = m.Groups["path"].Value;
        var node = NodeOf(path);
        var (line, column) = node is null ? (1, 1) : (node.At.Line, node.At.Column);
        var rest = m.Groups["rest"].Value;
        var inRule = RuleColumn().Match(rest);
        if (inRule.Success && node is YamlScalar { Style: not (YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded) } scalar
            && _nodes.TryGetValue(path, out var exact) && ReferenceEquals(exact, node) && !scalar.Value.Contains('\n', StringComparison.Ordinal))
        {
            column += (scalar.Plain ? 0 : 1) + int.Parse(inRule.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        }
        return new SchemeProblem(Source, line, column, message);
    }

    [GeneratedRegex(@"^(?<path>[a-z_]+(\[[^\]]*\])*(\.[a-z_]+(\[[^\]]*\])*)*): (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex PathPrefix();

    [GeneratedRegex(@"^column (?<col>\d+): ")]
    private static partial Regex RuleColumn();
}
