using System.Globalization;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using YamlDotNet.RepresentationModel;

namespace Segmenta.Data.Tests.Schemes;

/// <summary>
/// A small YAML → <see cref="SchemeDefinition"/> reader for the preset files (docs/schemes.md format), so the tests check
/// the files themselves. Unknown keys throw, so a typo in a preset fails the test. Kinds lifecycle/attribute/combine are
/// not needed by the presets tested here and throw.
/// </summary>
internal static class PresetYaml
{
    public static string Folder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Segmenta.Data", "Schemes", "Presets")))
            dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "Segmenta.Data", "Schemes", "Presets");
    }

    public static SchemeDefinition Load(string name)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(Folder(), name + ".yaml"))))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var d = new SchemeDefinition();
        foreach (var (key, value) in Entries(root))
        {
            d = key switch
            {
                "name" => d with { Name = Scalar(value) },
                "kind" => d with { Kind = Scalar(value) },
                "label" => d with { Label = Text(value) },
                "description" => d with { Description = Text(value) },
                "default" => d with { Default = Scalar(value) },
                "segments" => d with { Segments = [.. ((YamlSequenceNode)value).Select(Segment)] },
                "bins" => d with { Bins = Bins(value) },
                "matrix" => d with { Matrix = Matrix(value) },
                "grading" => d with { Grading = Grading(value) },
                _ => throw new InvalidDataException($"{name}.yaml: unknown key \"{key}\""),
            };
        }
        return d;
    }

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node) =>
        ((YamlMappingNode)node).Children.Select(kv => (Scalar(kv.Key), kv.Value));

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static decimal Number(YamlNode node) => decimal.Parse(Scalar(node), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static LocalizedText Text(YamlNode node)
    {
        var map = Entries(node).ToDictionary(e => e.Key, e => Scalar(e.Value));
        return new LocalizedText(map["zh-CN"], map["en"]);
    }

    private static SegmentDefinition Segment(YamlNode node)
    {
        var s = new SegmentDefinition();
        foreach (var (key, value) in Entries(node))
        {
            s = key switch
            {
                "name" => s with { Name = Scalar(value) },
                "label" => s with { Label = Text(value) },
                "description" => s with { Description = Text(value) },
                "when" => s with { When = Scalar(value) },
                "cell" => s with { Cell = [.. ((YamlSequenceNode)value).Select(n => (int)Number(n))] },
                "match" => s with { Match = [.. ((YamlSequenceNode)value).Select(Scalar)] },
                "playbook" => s with { Playbook = Playbook(value) },
                _ => throw new InvalidDataException($"segment: unknown key \"{key}\""),
            };
        }
        return s;
    }

    private static PlaybookDefinition Playbook(YamlNode node)
    {
        var p = new PlaybookDefinition();
        foreach (var (key, value) in Entries(node))
        {
            p = key switch
            {
                "action" => p with { Action = Text(value) },
                "channel" => p with { Channel = Scalar(value) },
                "owner" => p with { Owner = Scalar(value) },
                "priority" => p with { Priority = (int)Number(value) },
                "contact_every_days" => p with { ContactEveryDays = (int)Number(value) },
                _ => throw new InvalidDataException($"playbook: unknown key \"{key}\""),
            };
        }
        return p;
    }

    private static AxisDefinition Axis(YamlNode node)
    {
        var a = new AxisDefinition();
        foreach (var (key, value) in Entries(node))
        {
            a = key switch
            {
                "measure" => a with { Measure = Scalar(value) },
                "split" => a with { Split = Scalar(value) },
                "at" => a with { At = [.. ((YamlSequenceNode)value).Select(Number)] },
                _ => throw new InvalidDataException($"axis: unknown key \"{key}\""),
            };
        }
        return a;
    }

    private static MatrixSettings Matrix(YamlNode node)
    {
        var m = new MatrixSettings();
        foreach (var (key, value) in Entries(node))
            m = key switch
            {
                "rows" => m with { Rows = Axis(value) },
                "columns" => m with { Columns = Axis(value) },
                _ => throw new InvalidDataException($"matrix: unknown key \"{key}\""),
            };
        return m;
    }

    private static GradingSettings Grading(YamlNode node)
    {
        var g = new GradingSettings();
        foreach (var (key, value) in Entries(node))
            g = key switch
            {
                "contribution" => g with { Contribution = Axis(value) },
                "potential" => g with { Potential = Axis(value) },
                _ => throw new InvalidDataException($"grading: unknown key \"{key}\""),
            };
        return g;
    }

    private static BinsSettings Bins(YamlNode node)
    {
        var b = new BinsSettings();
        foreach (var (key, value) in Entries(node))
            b = key switch
            {
                "measure" => b with { Measure = Scalar(value) },
                "method" => b with { Method = Scalar(value) },
                "breaks" => b with { Breaks = [.. ((YamlSequenceNode)value).Select(Number)] },
                _ => throw new InvalidDataException($"bins: unknown key \"{key}\""),
            };
        return b;
    }
}
