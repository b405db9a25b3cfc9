using Segmenta.Core.Schemes.Definitions;
using Segmenta.Data.Schemes;

namespace Segmenta.Data.Tests.Schemes;

public class SchemeYamlLoaderTests
{
    /// <summary>The example of issue 4, verbatim.</summary>
    public const string IssueExample = """
        name: key_accounts
        kind: rules
        segments:
          - name: strategic
            label: { zh-CN: 战略客户, en: Strategic account }
            when: "monetary_total >= p90(monetary_total) and tenure_days > 730"
            playbook: { action: { zh-CN: 专属客户经理月度拜访, en: Monthly visit by a dedicated manager }, contact_every_days: 30 }
          - name: key
            when: "monetary_total >= median(monetary_total)"
        default: ordinary
        """;

    private static IReadOnlyList<SchemeProblem> Problems(string yaml)
    {
        try
        {
            return SchemeYamlLoader.Check(SchemeYamlLoader.Parse(yaml, "s.yaml"), SchemeCatalog.DefaultSchema());
        }
        catch (SchemeFileException e)
        {
            return e.Problems;
        }
    }

    [Fact]
    public void Parse_IssueExample_EveryField()
    {
        var d = SchemeYamlLoader.ParseValid(IssueExample, "key_accounts.yaml", SchemeCatalog.DefaultSchema()).Definition;
        Assert.Equal("key_accounts", d.Name);
        Assert.Equal(SchemeKinds.Rules, d.Kind);
        Assert.Equal("ordinary", d.Default);
        Assert.Equal(2, d.Segments.Count);
        Assert.Equal("战略客户", d.Segments[0].Label!.ZhCn);
        Assert.Equal("Strategic account", d.Segments[0].Label!.En);
        Assert.Equal("monetary_total >= p90(monetary_total) and tenure_days > 730", d.Segments[0].When);
        Assert.Equal(30, d.Segments[0].Playbook!.ContactEveryDays);
        Assert.Equal("Monthly visit by a dedicated manager", d.Segments[0].Playbook!.Action!.En);
        Assert.Null(d.Segments[1].Label);
    }

    [Fact]
    public void Parse_EveryKindSetting_Read()
    {
        var d = SchemeYamlLoader.Parse("""
            name: tiers
            kind: bins
            bins: { measure: monetary_total, method: fixed, breaks: [100, 1000.5] }
            segments: [{ name: low }, { name: mid }, { name: high }]
            """, "t.yaml").Definition;
        Assert.Equal([100m, 1000.5m], d.Bins!.Breaks);
        Assert.Equal(BinMethods.Fixed, d.Bins.Method);
        var life = SchemeYamlLoader.Parse("name: l\nkind: lifecycle\nlifecycle: { dormant_after_days: 60, p_alive_below: 0.2 }\n", "l.yaml").Definition.Lifecycle!;
        Assert.Equal(60, life.DormantAfterDays);
        Assert.Equal(0.2m, life.PAliveBelow);
        Assert.Equal(LifecycleSettings.DefaultChurnedAfterDays, life.ChurnedAfterDays);
        var attribute = SchemeYamlLoader.Parse("name: r\nkind: attribute\nattribute: { column: region, mapping: { 浙江: east, 江苏: east } }\ndefault: other\n", "r.yaml").Definition.Attribute!;
        Assert.Equal("east", attribute.Mapping!["浙江"]);
        var grading = SchemeYamlLoader.Parse("name: g\nkind: grading\ngrading: { potential: { measure: clv_12m, split: quantile, at: [0.7] } }\n", "g.yaml").Definition.Grading!;
        Assert.Equal("monetary_total", grading.Contribution.Measure);
        Assert.Equal([0.7m], grading.Potential.At);
    }

    [Fact]
    public void Parse_UnknownKey_DidYouMeanWithLine()
    {
        var p = Assert.Single(Problems("name: a\nkind: rules\nsegmens: []\ndefault: x\n"));
        Assert.Equal(3, p.Line);
        Assert.Equal(1, p.Column);
        Assert.Contains("did you mean \"segments\"", p.Message, StringComparison.Ordinal);
        Assert.StartsWith("s.yaml:3:1: ", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongTypes_EveryProblemWithPosition()
    {
        var problems = Problems("""
            name: a
            kind: rules
            segments:
              - name: x
                when: orders > 1
                playbook: { priority: high, contact_every_days: 7.5 }
            default: y
            """);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(6, p.Line));
        Assert.Contains(problems, p => p.Message.Contains("priority", StringComparison.Ordinal) && p.Message.Contains("whole number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("contact_every_days", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownFeature_PointsAtTheColumnInsideTheRule()
    {
        var p = Assert.Single(Problems("name: a\nkind: rules\nsegments:\n  - name: x\n    when: \"orders > 1 and monetary_totl > 5\"\ndefault: y\n"));
        Assert.Equal(5, p.Line);
        Assert.Equal(11 + 1 + 15, p.Column); // the quote, then "orders > 1 and " is 15 characters
        Assert.Contains("did you mean monetary_total", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TypeMismatch_OneLineWithFix()
    {
        var p = Assert.Single(Problems("name: a\nkind: rules\nsegments:\n  - name: x\n    when: region > 5\ndefault: y\n"));
        Assert.Equal((5, 18), (p.Line, p.Column));
        Assert.Contains("'5' in quotes", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OverlappingAndUnsortedBreaks_AtTheBreak()
    {
        var problems = Problems("name: t\nkind: bins\nbins:\n  measure: monetary_total\n  method: quantile\n  breaks: [0.5, 0.5, 0.2]\nsegments: [{name: a}, {name: b}, {name: c}, {name: d}]\n");
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(6, p.Line));
        Assert.Contains(problems, p => p.Column == 17 && p.Message.Contains("must not overlap", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == 22 && p.Message.Contains("ascending", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingDefault_Reported()
    {
        var p = Assert.Single(Problems("name: a\nkind: rules\nsegments:\n  - name: x\n    when: orders > 1\n"));
        Assert.Contains("default: missing", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: a\nkind: rules\nsegments:\n  - name: x\n    when: \"orders > 1\n  - name: y\n", 5)]
    [InlineData("name: [a\nkind: rules\n", 1)]
    [InlineData("name: a\n  kind: rules\n", 2)]
    [InlineData("name: a\nkind: rules: x\n", 2)]
    public void Parse_UnparsableYaml_OneProblemWithLine(string yaml, int line)
    {
        var e = Assert.Throws<SchemeFileException>(() => SchemeYamlLoader.Parse(yaml, "bad.yaml"));
        var p = Assert.Single(e.Problems);
        Assert.Equal(line, p.Line);
        Assert.DoesNotContain('\n', p.ToString());
    }

    [Fact]
    public void Parse_Injection_RejectedByTheRuleParser()
    {
        var p = Assert.Single(Problems("name: a\nkind: rules\nsegments:\n  - name: x\n    when: \"x = 1; drop table transactions\"\ndefault: y\n"));
        Assert.Contains("\";\" is not allowed", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: &a key\nkind: *a\n", "anchors")]
    [InlineData("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", "anchors")]
    [InlineData("name: !!str a\n", "tags")]
    [InlineData("name: a\n---\nname: b\n", "second YAML document")]
    [InlineData("name: a\nname: b\n", "duplicate key")]
    [InlineData("", "empty")]
    [InlineData("- a\n- b\n", "must be a mapping")]
    public void Parse_HostileOrOddShapes_Rejected(string yaml, string expected)
    {
        var e = Assert.Throws<SchemeFileException>(() => SchemeYamlLoader.Parse(yaml, "x.yaml"));
        Assert.Contains(e.Problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DeepNesting_Rejected()
    {
        var yaml = "name: " + new string('[', 200) + new string(']', 200);
        var e = Assert.Throws<SchemeFileException>(() => SchemeYamlLoader.Parse(yaml, "deep.yaml"));
        Assert.Contains("nested deeper", e.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OverSizeCap_RejectedWithoutParsing()
    {
        using var dir = new TempDir();
        var path = dir.File("big.yaml");
        File.WriteAllText(path, "# " + new string('x', SchemeYamlLoader.MaxFileBytes + 10));
        var e = Assert.Throws<SchemeFileException>(() => SchemeYamlLoader.Load(path));
        Assert.Contains("larger than 1024 KiB", e.Problems[0].Message, StringComparison.Ordinal);
    }
}
