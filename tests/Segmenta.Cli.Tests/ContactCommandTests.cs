using System.Text.Json.Nodes;

namespace Segmenta.Cli.Tests;

/// <summary>generate --profile, import --kind interactions|surveys and segment --interactions --surveys end to end.</summary>
public class ContactCommandTests
{
    [Fact]
    public async Task GenerateChemicals_ThenSegmentWithInteractionsAndSurveys_ReportsEveryInput()
    {
        using var dir = new TempDir();
        var (exit, stdout, stderr) = await CliRunner.RunAsync("generate", "--profile", "chemicals", "--customers", "400", "--seed", "3", "--out", dir.File("chem.csv"), "--json");
        Assert.True(exit == 0, stderr);
        var gen = JsonNode.Parse(stdout)!;
        Assert.Equal(dir.File("chem_interactions.csv"), (string)gen["interactions_out"]!);

        (exit, stdout, stderr) = await CliRunner.RunAsync("segment", "--input", dir.File("chem.csv"), "--customers", dir.File("chem_customers.csv"),
            "--interactions", dir.File("chem_interactions.csv"), "--surveys", dir.File("chem_surveys.csv"), "--cost-per-visit", "800", "--cost-per-call", "50",
            "--out", dir.File("out"), "--db", ":memory:", "--json", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(400, (long)json["customers"]!);
        foreach (var (key, rows) in new[] { ("interactions_load", (long)gen["interaction_rows"]!), ("surveys_load", (long)gen["survey_rows"]!) })
        {
            var load = json[key]!;
            Assert.Equal(rows, (long)load["rows_read"]!);
            Assert.Equal((long)load["rows_read"]!, (long)load["rows_accepted"]! + (long)load["rows_rejected"]!);
        }
        Assert.Equal("拜访方式", (string)json["interactions_load"]!["column_mapping"]!["type"]!);
        var summary = JsonNode.Parse(File.ReadAllText(dir.File("out/summary.json")))!;
        Assert.Equal((long)json["interactions_load"]!["rows_accepted"]!, (long)summary["interactions_load"]!["rows_accepted"]!);
        var header = File.ReadLines(dir.File("out/customers.csv")).First().TrimStart('\uFEFF').Split(',');
        foreach (var column in new[] { "contacts_90d", "last_contact_days", "nps_group", "csat", "survey_need", "gross_margin", "cost_to_serve", "profit", "contract_amount" })
            Assert.Contains(column, header);
    }

    [Fact]
    public async Task ImportKindSurveys_Json_CountsRowsAndNamesTable()
    {
        using var dir = new TempDir();
        var file = dir.File("s.csv");
        await File.WriteAllTextAsync(file, "客户ID,日期,推荐值,满意度\nA,2024-01-01,9,5\nB,2024-01-02,12,4\n");
        var (exit, stdout, stderr) = await CliRunner.RunAsync("import", "--kind", "surveys", "--input", file, "--db", ":memory:",
            "--rejects", dir.File("r.csv"), "--max-reject-rate", "0.5", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("surveys", (string)json["table"]!);
        Assert.Equal(2, (long)json["rows_read"]!);
        Assert.Equal(1, (long)json["load"]!["rejected_by_reason"]!["bad_nps"]!);
    }

    [Fact]
    public async Task ImportUnknownKind_IsAUsageError()
    {
        using var dir = new TempDir();
        var file = dir.File("s.csv");
        await File.WriteAllTextAsync(file, "customer_id,date,type\nA,2024-01-01,visit\n");
        var (exit, _, stderr) = await CliRunner.RunAsync("import", "--kind", "visits", "--input", file, "--db", ":memory:");
        Assert.Equal(1, exit);   // usage error
        Assert.Contains("use transactions, interactions or surveys", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentNegativeUnitCost_IsAUsageError()
    {
        using var dir = new TempDir();
        var input = Path.Combine(AppContext.BaseDirectory, "data", "rfm_data_orders.csv");
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", input, "--cost-per-visit", "-1", "--db", ":memory:", "--out", dir.File("o"));
        Assert.Equal(1, exit);   // usage error
        Assert.Contains("--cost-per-visit", stderr, StringComparison.Ordinal);
    }
}
