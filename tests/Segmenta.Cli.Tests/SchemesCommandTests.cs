using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary><c>segmenta schemes validate | list | show</c>, <c>segment --scheme</c>, <c>actions</c> and <c>customer show</c> in process.</summary>
public partial class SchemesCommandTests
{
    private const string KeyAccounts = """
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

    [GeneratedRegex(@"^(?<file>[^\n]+\.yaml):(?<line>\d+):(?<col>\d+): (?<message>.+)$")]
    private static partial Regex ProblemLine();

    public static TheoryData<string, string, int, string> InvalidCases() => new()
    {
        { "unknown_feature", "name: a\nkind: rules\nsegments:\n  - name: x\n    when: \"monetary_totl > 5\"\ndefault: y\n", 5, "did you mean monetary_total" },
        { "type_mismatch", "name: a\nkind: rules\nsegments:\n  - name: x\n    when: region > 5\ndefault: y\n", 5, "write '5' in quotes" },
        { "overlapping_breaks", "name: a\nkind: matrix\nmatrix:\n  rows: { measure: monetary_total, split: fixed, at: [100, 100] }\n  columns: { measure: orders, split: mean }\nsegments:\n  - { name: a, cell: [1, 1] }\n  - { name: b, cell: [1, 2] }\n  - { name: c, cell: [2, 1] }\n  - { name: d, cell: [2, 2] }\n", 4, "must not overlap" },
        { "missing_default", "name: a\nkind: rules\nsegments:\n  - name: x\n    when: orders > 1\n", 1, "default: missing: name the segment" },
        { "unparsable", "name: a\nkind: rules\nsegments:\n  - name: x\n    when: \"orders > 1\n  - name: y\n", 5, "not valid YAML" },
        { "unknown_key", "name: a\nkind: rules\nsegments:\n  - name: x\n    wen: orders > 1\ndefault: y\n", 5, "did you mean \"when\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Validate_InvalidScheme_OneLineWithFileLineAndFix_Exit2(string name, string yaml, int line, string fix)
    {
        using var dir = new TempDir();
        var path = dir.File(name + ".yaml");
        File.WriteAllText(path, yaml);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("schemes", "validate", path, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => ProblemLine().Match(l) is { Success: true } m && m.Groups["file"].Value == path
            && int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) == line && l.Contains(fix, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(ProblemLine(), l));
    }

    [Fact]
    public async Task Validate_IssueExample_OkLine()
    {
        using var dir = new TempDir();
        var path = dir.File("key_accounts.yaml");
        File.WriteAllText(path, KeyAccounts);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("schemes", "validate", path, "--lang", "en");
        Assert.True(exit == 0, stderr);
        Assert.Equal($"{path}: ok — scheme key_accounts (rules, 2 segments)", stdout.Trim());
    }

    [Fact]
    public async Task ListAndShow_Presets()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("schemes", "list", "--json");
        Assert.Equal(0, exit);
        var list = JsonNode.Parse(stdout)!.AsArray();
        foreach (var preset in new[] { "retail_rfm", "retail_rfm_cn8", "retail_lifecycle", "value_frequency_matrix", "value_potential_matrix", "b2b_abcd", "behaviour", "needs" })
            Assert.Contains(list, e => (string)e!["name"]! == preset && (string)e["source"]! == "preset");
        (exit, stdout, _) = await CliRunner.RunAsync("schemes", "show", "value_frequency_matrix", "--json");
        Assert.Equal(0, exit);
        var show = JsonNode.Parse(stdout)!;
        Assert.Equal("matrix", (string)show["kind"]!);
        Assert.Equal("高价值高频", (string)show["segments"]![0]!["label"]!["zh-CN"]!);
        Assert.Equal(30, (int)show["segments"]![0]!["playbook"]!["contact_every_days"]!);
        (exit, stdout, _) = await CliRunner.RunAsync("schemes", "show", "retail_lifecycle", "--lang", "zh-CN");
        Assert.Equal(0, exit);
        Assert.Contains("沉睡客户", stdout, StringComparison.Ordinal);
        var (badExit, _, err) = await CliRunner.RunAsync("schemes", "show", "retail_lifecylce");
        Assert.Equal(2, badExit);
        Assert.Contains("did you mean \"retail_lifecycle\"", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_InjectionInRule_RejectedBeforeTheStoreIsTouched()
    {
        using var dir = new TempDir();
        var scheme = dir.File("inject.yaml");
        File.WriteAllText(scheme, "name: inject\nkind: rules\nsegments:\n  - name: x\n    when: \"x = 1; drop table transactions\"\ndefault: rest\n");
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", CdnowSample.WriteCsv(dir.Path), "--db", dir.File("s.duckdb"),
            "--out", dir.File("out"), "--scheme", scheme);
        Assert.Equal(2, exit);
        Assert.Contains($"{scheme}:5:17: segments[0].when: column 6: \";\" is not allowed", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.duckdb")));
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task Segment_UnknownAttributeAtRunTime_FileLineError()
    {
        using var dir = new TempDir();
        var scheme = dir.File("by_region.yaml");
        File.WriteAllText(scheme, "name: by_region\nkind: rules\nsegments:\n  - name: east\n    when: \"province = '浙江'\"\ndefault: other\n");
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", CdnowSample.WriteCsv(dir.Path), "--db", dir.File("s.duckdb"),
            "--out", dir.File("out"), "--format", "csv", "--scheme", scheme);
        Assert.Equal(2, exit);
        Assert.Contains($"{scheme}:5:12: segments[0].when: column 1: unknown column province", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_UserScheme_ThenActionsAndCustomerShow()
    {
        using var dir = new TempDir();
        var scheme = dir.File("key_accounts.yaml");
        // CDNOW covers 18 months, so nobody has a tenure above 730 days: the example's strategic rule uses a year here.
        File.WriteAllText(scheme, KeyAccounts.Replace("tenure_days > 730", "tenure_days > 365", StringComparison.Ordinal));
        var store = dir.File("s.duckdb");
        var (exit, stdout, stderr) = await CliRunner.RunAsync("segment", "--input", CdnowSample.WriteCsv(dir.Path), "--db", store,
            "--out", dir.File("out"), "--format", "csv", "--json", "--lang", "en", "--scheme", scheme, "--scheme", "value_frequency_matrix");
        Assert.True(exit == 0, stderr);
        var counts = JsonNode.Parse(stdout)!["schemes"]!["key_accounts"]!.AsObject();
        Assert.Equal(2357, counts.Sum(p => (long)p.Value!));
        Assert.True((long)counts["strategic"]! > 0);
        var header = File.ReadLines(dir.File("out/customers.csv")).First();
        Assert.Contains(",key_accounts,", header, StringComparison.Ordinal);
        Assert.Contains("key_accounts_label", header, StringComparison.Ordinal);

        var csv = dir.File("actions.csv");
        (exit, _, stderr) = await CliRunner.RunAsync("actions", "--scheme", "key_accounts", "--db", store, "--out", csv, "--lang", "en");
        Assert.True(exit == 0, stderr);
        var rows = File.ReadAllLines(csv).Skip(1).ToList();
        Assert.Equal((long)counts["strategic"]!, rows.Count); // only strategic has a playbook
        Assert.All(rows, r => Assert.Contains("≥ p90 ", r, StringComparison.Ordinal));

        (exit, stdout, stderr) = await CliRunner.RunAsync("customer", "show", rows[0].Split(',')[0], "--db", store, "--json", "--lang", "en");
        Assert.True(exit == 0, stderr);
        var profile = JsonNode.Parse(stdout)!;
        var key = profile["segments"]!.AsArray().Single(s => (string)s!["scheme"]! == "key_accounts")!;
        Assert.Equal("strategic", (string)key["segment"]!);
        Assert.Equal("Monthly visit by a dedicated manager", (string)key["action"]!);
        Assert.StartsWith("monetary_total ", (string)key["reason"]!, StringComparison.Ordinal);

        (exit, _, stderr) = await CliRunner.RunAsync("customer", "show", "no-such-id", "--db", store);
        Assert.Equal(2, exit);
        Assert.Contains("no-such-id", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = await CliRunner.RunAsync("actions", "--scheme", "key_acounts", "--db", store, "--out", csv);
        Assert.Equal(2, exit);
        Assert.Contains("did you mean \"key_accounts\"", stderr, StringComparison.Ordinal);
    }
}
