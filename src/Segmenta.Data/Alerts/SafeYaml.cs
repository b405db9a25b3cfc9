using Segmenta.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Segmenta.Data.Alerts;

/// <summary>
/// A small, safe YAML reader for configuration files: at most <see cref="MaxBytes"/>, one document, no anchors or
/// aliases (so no billion-laughs expansion), no tags; nesting at most <see cref="MaxDepth"/>. It builds plain nodes
/// that remember their line, so errors can say "file line N".
/// </summary>
internal static class SafeYaml
{
    public const int MaxBytes = 1 << 20, MaxDepth = 32;

    internal abstract record Node(int Line);
    internal sealed record Scalar(int Line, string Value) : Node(Line);
    internal sealed record Sequence(int Line, IReadOnlyList<Node> Items) : Node(Line);
    internal sealed record Mapping(int Line, IReadOnlyList<KeyValuePair<string, Node>> Entries) : Node(Line);

    public static Node? Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new SegmentaInputException($"{path}: file not found. / 找不到文件 {path}。");
        if (info.Length > MaxBytes)
            throw new SegmentaInputException($"{path}: {info.Length:N0} bytes is larger than the {MaxBytes:N0}-byte limit for a rules file. / 规则文件过大。");
        var text = File.ReadAllText(path);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
                throw new SegmentaInputException($"{path}: more than one YAML document; keep one. / 只能包含一个 YAML 文档。");
            return root;
        }
        catch (YamlException ex)
        {
            throw new SegmentaInputException($"{path} line {ex.Start.Line}: {ex.Message} / YAML 语法错误。", ex);
        }
    }

    private static Node ReadNode(IParser parser, string path, int depth)
    {
        if (depth > MaxDepth)
            throw new SegmentaInputException($"{path} line {parser.Current?.Start.Line}: nesting deeper than {MaxDepth} levels. / 嵌套层级过深。");
        var current = parser.Current ?? throw new SegmentaInputException($"{path}: unexpected end of file. / 文件意外结束。");
        var line = (int)current.Start.Line;
        if (current is AnchorAlias)
            throw new SegmentaInputException($"{path} line {line}: YAML aliases (*name) are not allowed; write the value out. / 不允许使用 YAML 别名 (*name)。");
        if (current is NodeEvent { Anchor.IsEmpty: false })
            throw new SegmentaInputException($"{path} line {line}: YAML anchors (&name) are not allowed; write the value out. / 不允许使用 YAML 锚点 (&name)。");
        switch (current)
        {
            case YamlDotNet.Core.Events.Scalar s:
                parser.MoveNext();
                return new Scalar(line, s.Value);
            case SequenceStart:
                {
                    parser.MoveNext();
                    var items = new List<Node>();
                    while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, path, depth + 1));
                    return new Sequence(line, items);
                }
            case MappingStart:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<string, Node>>();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        if (ReadNode(parser, path, depth + 1) is not Scalar key)
                            throw new SegmentaInputException($"{path} line {line}: mapping keys must be plain text. / 键必须是文本。");
                        entries.Add(KeyValuePair.Create(key.Value, ReadNode(parser, path, depth + 1)));
                    }
                    return new Mapping(line, entries);
                }
            default:
                throw new SegmentaInputException($"{path} line {line}: unexpected YAML {current.GetType().Name}. / 意外的 YAML 结构。");
        }
    }
}
