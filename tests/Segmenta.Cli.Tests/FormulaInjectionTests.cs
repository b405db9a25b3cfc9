namespace Segmenta.Cli.Tests;

/// <summary>Text from input files must never become a live spreadsheet formula in an exported file.</summary>
public class FormulaInjectionTests
{
    [Fact]
    public async Task Segment_IdsStartingWithFormulaCharacters_ExportedAsText()
    {
        using var dir = new TempDir();
        var input = dir.File("orders.csv");
        File.WriteAllLines(input,
        [
            "customer_id,order_date,amount,region",
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2024-01-02,10,@SUM(A1)",
            "+1,2024-01-03,20,浙江",
            "C3,2024-01-04,30,-x",
        ]);
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", input, "--out", dir.File("out"), "--db", ":memory:");
        Assert.True(exit == 0, stderr);
        var csv = File.ReadAllText(dir.File("out/customers.csv"));
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'+1,", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", csv, StringComparison.Ordinal);
        Assert.Contains("'-x", csv, StringComparison.Ordinal);
        Assert.Contains("浙江", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", csv, StringComparison.Ordinal);

        using var xlsx = File.OpenRead(dir.File("out/customers.xlsx"));
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["customer_id"] == "'=HYPERLINK(\"http://x\",\"y\")");
        Assert.All(rows, r => Assert.False(((string?)r["customer_id"])?.StartsWith('=') ?? false));
    }

    [Fact]
    public async Task Segment_RejectedFormulaValue_RejectsFileShowsItAsText()
    {
        using var dir = new TempDir();
        var input = dir.File("orders.csv");
        File.WriteAllLines(input, ["customer_id,order_date,amount", "C1,2024-01-02,10", "C2,2024-01-03,=1+2"]);
        var (exit, _, _) = await CliRunner.RunAsync("segment", "--input", input, "--out", dir.File("out"), "--db", ":memory:", "--max-reject-rate", "0.9");
        Assert.Equal(0, exit);
        var rejects = File.ReadAllText(dir.File("out/rejects.csv"));
        Assert.Contains("'=1+2", rejects, StringComparison.Ordinal);
    }
}
