using System.Text.RegularExpressions;
using NJsonSchema;
using Segmenta.Data.Schemes;

namespace Segmenta.Data.Tests.Schemes;

/// <summary>schemas/scheme.schema.json accepts every shipped preset and every example in docs/schemes.md, and rejects broken files.</summary>
public partial class SchemeJsonSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "scheme.schema.json"))).GetAwaiter().GetResult());

    private static ICollection<NJsonSchema.Validation.ValidationError> Errors(string yaml) =>
        Schema.Value.Validate(SchemeYamlLoader.ToJson(yaml, "x.yaml")!.ToJsonString());

    private static string Preset(string name)
    {
        using var stream = typeof(SchemeCatalog).Assembly.GetManifestResourceStream($"Segmenta.Data.Schemes.Presets.{name}.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static TheoryData<string> PresetNames() => [.. SchemeCatalog.Presets().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Preset_MatchesTheJsonSchema(string name) => Assert.Empty(Errors(Preset(name)));

    [GeneratedRegex("```yaml\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [Fact]
    public void DocsExamples_MatchTheJsonSchema_AndLoad()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "schemes.md"));
        var examples = YamlBlock().Matches(docs).Select(m => m.Groups["body"].Value).Where(b => b.Contains("kind:", StringComparison.Ordinal)).ToList();
        Assert.True(examples.Count >= 5, $"docs/schemes.md has {examples.Count} complete YAML examples");
        foreach (var yaml in examples)
        {
            Assert.Empty(Errors(yaml));
            Assert.Empty(SchemeYamlLoader.Check(SchemeYamlLoader.Parse(yaml, "docs.yaml"), SchemeCatalog.DefaultSchema(["lifecycle", "value_tier_x"])));
        }
        Assert.Empty(Errors(SchemeYamlLoaderTests.IssueExample));
    }

    [Theory]
    [InlineData("name: a\nkind: rulez\nsegments: [{name: x, when: orders > 1}]\ndefault: y\n")]            // unknown kind
    [InlineData("name: a\nkind: rules\nsegmens: [{name: x, when: orders > 1}]\ndefault: y\n")]            // unknown key
    [InlineData("name: a\nkind: rules\nsegments: [{name: x, when: orders > 1}]\n")]                      // missing default
    [InlineData("name: a\nkind: bins\nsegments: [{name: x}, {name: y}]\n")]                               // bins without its settings
    [InlineData("name: a\nkind: rules\nbins: {measure: orders}\nsegments: [{name: x, when: orders > 1}]\ndefault: y\n")] // another kind's settings
    [InlineData("name: a\nkind: matrix\nmatrix: {rows: {measure: orders}, columns: {measure: orders}}\nsegments: [{name: x, cell: [1]}]\n")] // cell of one number
    [InlineData("name: a\nkind: rules\nsegments: [{name: x, when: orders > 1, playbook: {priority: 0}}]\ndefault: y\n")] // priority below 1
    [InlineData("name: Key Accounts\nkind: rules\nsegments: [{name: x, when: orders > 1}]\ndefault: y\n")] // name not snake_case
    public void InvalidFile_FailsTheJsonSchema(string yaml) => Assert.NotEmpty(Errors(yaml));
}
