using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Segmenta.Data.Schemes;

/// <summary>A position in a YAML file: 1-based line and column.</summary>
internal readonly record struct YamlPosition(int Line, int Column);

/// <summary>A node of a scheme file with its position (built from YamlDotNet's parser events, so positions are exact).</summary>
internal abstract record YamlNode(YamlPosition At);

/// <summary>A scalar; <paramref name="Plain"/> is false for quoted and block scalars (always text).</summary>
internal sealed record YamlScalar(string Value, bool Plain, ScalarStyle Style, YamlPosition At) : YamlNode(At)
{
    /// <summary>True for a plain <c>~</c>, <c>null</c> or empty scalar (YAML 1.2 core schema).</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A mapping with scalar keys, in file order.</summary>
internal sealed record YamlMap(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, YamlPosition At) : YamlNode(At);

/// <summary>A sequence.</summary>
internal sealed record YamlSeq(IReadOnlyList<YamlNode> Items, YamlPosition At) : YamlNode(At);

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree with hard limits, so a hostile file cannot exhaust
/// memory or time: no anchors or aliases (the "billion laughs" expansion needs them), no tags, no complex keys, no
/// duplicate keys, at most <see cref="MaxDepth"/> levels and <see cref="MaxNodes"/> nodes, one document.
/// </summary>
internal static class YamlTree
{
    public const int MaxDepth = 32;
    public const int MaxNodes = 100_000;

    /// <summary>Parses <paramref name="text"/>; problems are (position, message — fix). Returns null when the text is not usable.</summary>
    public static YamlNode? Parse(string text, List<(YamlPosition At, string Message)> problems)
    {
        var parser = new Parser(new StringReader(text));
        var reader = new Reader(parser, problems);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            problems.Add((new YamlPosition(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)),
                $"not valid YAML: {Clean(e.Message)} — check the indentation, quotes and colons on this line (quote rules that contain ': ' or start with a special character)"));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet throws InvalidOperationException when the text ends inside an unclosed [ ], { } or quote.
            problems.Add((reader.Last, "not valid YAML: the file ends inside an unclosed [ ], { } or quoted text that starts here or before — close it"));
            return null;
        }
        catch (LimitReached)
        {
            return null;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): " which the caller already gives.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && i > 0 ? message[(i + 3)..] : message;
        return text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }

    /// <summary>Converts a tree to JSON with YAML 1.2 core-schema typing of plain scalars (for JSON Schema checks).</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalar s when s.IsNull => null,
        YamlScalar { Plain: true } s when s.Value is "true" or "True" or "TRUE" => JsonValue.Create(true),
        YamlScalar { Plain: true } s when s.Value is "false" or "False" or "FALSE" => JsonValue.Create(false),
        YamlScalar { Plain: true } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalar { Plain: true } s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalar s => JsonValue.Create(s.Value),
        YamlSeq q => new JsonArray([.. q.Items.Select(ToJson)]),
        YamlMap m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        _ => null,
    };

    private sealed class LimitReached : Exception;

    private sealed class Reader(Parser parser, List<(YamlPosition At, string Message)> problems)
    {
        private int _nodes;

        /// <summary>Where the last complete parser event started (for errors the parser reports without a position).</summary>
        public YamlPosition Last { get; private set; } = new(1, 1);

        private static YamlPosition At(ParsingEvent e) => new(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));

        private ParsingEvent Next()
        {
            if (!parser.MoveNext())
                throw new YamlException("unexpected end of the file");
            Last = At(parser.Current!);
            return parser.Current!;
        }

        private void Stop(ParsingEvent e, string message)
        {
            problems.Add((At(e), message));
            throw new LimitReached();
        }

        public YamlNode? ReadStream()
        {
            Next(); // StreamStart
            var first = Next();
            if (first is StreamEnd)
            {
                problems.Add((new YamlPosition(1, 1), "the file is empty — write a scheme such as \"name: key_accounts\" / \"kind: rules\" (see docs/schemes.md)"));
                return null;
            }
            var root = ReadNode(Next(), 0);
            Next(); // DocumentEnd
            var after = Next();
            if (after is DocumentStart)
                Stop(after, "a second YAML document (---) — put one scheme per file");
            return root;
        }

        private YamlNode ReadNode(ParsingEvent e, int depth)
        {
            if (++_nodes > MaxNodes)
                Stop(e, $"more than {MaxNodes:N0} YAML nodes — a scheme is much smaller; split the file");
            if (depth > MaxDepth)
                Stop(e, $"nested deeper than {MaxDepth} levels — a scheme needs at most 5; check the indentation");
            if (e is AnchorAlias)
                Stop(e, "YAML aliases (*name) are not allowed in scheme files — repeat the value instead");
            if (e is NodeEvent node)
            {
                if (!node.Anchor.IsEmpty)
                    Stop(e, $"YAML anchors (&{node.Anchor}) are not allowed in scheme files — repeat the value instead");
                if (!node.Tag.IsEmpty)
                    Stop(e, $"YAML tags ({node.Tag}) are not allowed in scheme files — remove the tag");
            }
            switch (e)
            {
                case Scalar s:
                    return new YamlScalar(s.Value, s.Style == ScalarStyle.Plain, s.Style, At(e));
                case SequenceStart:
                    var items = new List<YamlNode>();
                    for (var next = Next(); next is not SequenceEnd; next = Next())
                        items.Add(ReadNode(next, depth + 1));
                    return new YamlSeq(items, At(e));
                case MappingStart:
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    var seen = new Dictionary<string, YamlPosition>(StringComparer.Ordinal);
                    for (var next = Next(); next is not MappingEnd; next = Next())
                    {
                        var key = ReadNode(next, depth + 1);
                        var value = ReadNode(Next(), depth + 1);
                        if (key is not YamlScalar k)
                        {
                            problems.Add((key.At, "a key must be a plain word such as name or segments — remove the [ ], { } or ? before the key"));
                            continue;
                        }
                        if (!seen.TryAdd(k.Value, k.At))
                        {
                            problems.Add((k.At, $"duplicate key \"{k.Value}\" (first on line {seen[k.Value].Line}) — keep one of them"));
                            continue;
                        }
                        entries.Add(KeyValuePair.Create(k, value));
                    }
                    return new YamlMap(entries, At(e));
                default:
                    throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
            }
        }
    }
}
