using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core;
using Segmenta.Data.Schemes;

namespace Segmenta.Data.Tests.Schemes;

/// <summary>Whatever the text, loading a scheme either works or fails with <see cref="SegmentaInputException"/>, quickly.</summary>
public class SchemeLoaderFuzzTests
{
    private static readonly string[] Valid = [.. SchemeCatalog.Presets().Select(p => ReadPreset(p.Name)), SchemeYamlLoaderTests.IssueExample];

    private static string ReadPreset(string name)
    {
        using var stream = typeof(SchemeCatalog).Assembly.GetManifestResourceStream($"Segmenta.Data.Schemes.Presets.{name}.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool OnlyInputErrors(string text)
    {
        try
        {
            var document = SchemeYamlLoader.Parse(text, "fuzz.yaml");
            _ = SchemeYamlLoader.Check(document, SchemeCatalog.DefaultSchema());
            _ = SchemeYamlLoader.Check(document, null);
        }
        catch (SegmentaInputException e)
        {
            Assert.NotEmpty(e.Message);
        }
        return true;
    }

    private static readonly string[] Fragments = [":", " ", "\n", "- ", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "!!", "#", "|", ">", "---", "\t", "  ", "?", "%", "@", "`", "\\", "~", "null", "0.5", "-1", "1e400", "when", "segments", "kind", "name", "rules", "matrix", "cell", "查询"];

    /// <summary>A preset with random fragments inserted, characters deleted or lines swapped.</summary>
    private static readonly Gen<string> Mutated =
        from source in Gen.Elements(Valid)
        from edits in Gen.ListOf(Gen.Choose(0, 2).SelectMany(kind => Gen.Choose(0, 10_000).SelectMany(at => Gen.Elements(Fragments).Select(f => (kind, at, f)))))
        select Apply(source, edits);

    private static string Apply(string text, IEnumerable<(int Kind, int At, string Fragment)> edits)
    {
        foreach (var (kind, at, fragment) in edits.Take(8))
        {
            var i = text.Length == 0 ? 0 : at % text.Length;
            text = kind switch
            {
                0 => text.Insert(i, fragment),
                1 => text.Remove(i, Math.Min(1 + at % 5, text.Length - i)),
                _ => SwapLines(text, at),
            };
        }
        return text;
    }

    private static string SwapLines(string text, int at)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2) return text;
        var a = at % lines.Length;
        var b = (at / 7) % lines.Length;
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    [Property(MaxTest = 1500)]
    public Property Load_MutatedValidScheme_OnlyInputErrors() => Prop.ForAll(Arb.From(Mutated), OnlyInputErrors);

    [Property(MaxTest = 500)]
    public Property Load_ArbitraryString_OnlyInputErrors() => Prop.ForAll<string>(s => OnlyInputErrors(s ?? ""));

    [Fact]
    public void Load_BillionLaughs_RejectedAtTheFirstAnchor()
    {
        var lines = new List<string> { "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]" };
        for (var i = 1; i < 9; i++)
        {
            var prev = (char)('a' + i - 1);
            lines.Add($"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + prev, 9))}]");
        }
        var e = Assert.Throws<SchemeFileException>(() => SchemeYamlLoader.Parse(string.Join('\n', lines), "lol.yaml"));
        Assert.Equal((1, 4), (e.Problems[0].Line, e.Problems[0].Column));
    }
}
