using System.Text.Json;
using Segmenta.Data.DuckDb;

namespace Segmenta.Cli.Tests;

public sealed class SnapshotCommandTests
{
    [Fact]
    public async Task SnapshotsCommands_ListShowDiffAlertsAdherence_Work()
    {
        using var dir = new TempDir();
        var input = Segmenta.Tests.Shared.CdnowSample.WriteCsv(dir.Path);
        var db = dir.File("s.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync("segment", "--input", input, "--db", db, "--out", dir.File("o1"), "--format", "csv", "--as-of", "1997-12-31", "--json")).Exit);
        var (exit, json, err) = await CliRunner.RunAsync("segment", "--input", input, "--db", db, "--out", dir.File("o2"), "--format", "csv", "--json", "--freeze-from", "1");
        Assert.True(exit == 0, err);
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("snapshot").GetProperty("id").GetInt64());
            Assert.Equal(1, doc.RootElement.GetProperty("snapshot").GetProperty("frozen_from").GetInt64());
        }

        var list = await CliRunner.RunAsync("snapshots", "list", "--db", db, "--json");
        using (var doc = JsonDocument.Parse(list.Out))
            Assert.Equal(2, doc.RootElement.GetProperty("snapshots").GetArrayLength());
        var show = await CliRunner.RunAsync("snapshots", "show", "1", "--db", db, "--json");
        using (var doc = JsonDocument.Parse(show.Out))
        {
            Assert.True(doc.RootElement.GetProperty("intact").GetBoolean());
            Assert.Equal(4, doc.RootElement.GetProperty("schemes").GetArrayLength());
        }
        var diff = await CliRunner.RunAsync("snapshots", "diff", "1", "2", "--db", db, "--scheme", "rfm", "--json", "--out", dir.File("diff"));
        Assert.Equal(0, diff.Exit);
        using (var doc = JsonDocument.Parse(diff.Out))
        {
            var rfm = doc.RootElement.GetProperty("schemes").GetProperty("rfm");
            var total = rfm.GetProperty("counts").EnumerateArray().Sum(r => r.EnumerateArray().Sum(c => c.GetInt64()));
            Assert.Equal(rfm.GetProperty("customers_in_both").GetInt64(), total);
            Assert.Equal(total, rfm.GetProperty("sankey").GetProperty("links").EnumerateArray().Sum(l => l.GetProperty("value").GetInt64()));
        }
        Assert.True(File.Exists(dir.File("diff/movers_rfm.csv")));
        Assert.Equal(2, (await CliRunner.RunAsync("snapshots", "show", "9", "--db", db)).Exit);

        // Adherence and no_contact need interactions: refused (exit 2) without, computed with.
        Assert.Equal(2, (await CliRunner.RunAsync("adherence", "--snapshot", "2", "--scheme", "abc", "--plan", "A=7", "--db", db)).Exit);
        using (var connection = DuckDbStore.Open(db))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE interactions AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, DATE '1998-06-20' AS interaction_date, 'visit' AS type, 0.0 AS cost, 'wang' AS owner FROM snapshot_2_customers WHERE abc_class = 'A' LIMIT 10";
            cmd.ExecuteNonQuery();
        }
        var adherence = await CliRunner.RunAsync("adherence", "--snapshot", "2", "--scheme", "abc", "--plan", "A=30", "--db", db, "--json");
        Assert.True(adherence.Exit == 0, adherence.Err);
        using (var doc = JsonDocument.Parse(adherence.Out))
        {
            var a = doc.RootElement.GetProperty("by_segment")[0];
            Assert.Equal("A", a.GetProperty("key").GetString());
            Assert.Equal(10, a.GetProperty("actual").GetInt64());
        }
        var rules = dir.File("rules.yaml");
        await File.WriteAllTextAsync(rules, "- when: no_contact\n  scheme: abc\n  segment: A\n  days: 60\n");
        var alerts = await CliRunner.RunAsync("alerts", "--rules", rules, "--snapshot", "2", "--db", db, "--json");
        using (var doc = JsonDocument.Parse(alerts.Out))
        {
            var alert = doc.RootElement.GetProperty("alerts")[0];
            Assert.Equal("triggered", alert.GetProperty("status").GetString());
            Assert.Equal(ACustomers(db) - 10, alert.GetProperty("customers_count").GetInt64());
        }
    }

    private static long ACustomers(string db)
    {
        using var connection = DuckDbStore.Open(db);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM snapshot_2_customers WHERE abc_class = 'A'";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Campaign_RegisterHoldoutEvaluate_Cli()
    {
        using var dir = new TempDir();
        var orders = dir.File("orders.csv");
        Assert.Equal(0, (await CliRunner.RunAsync("generate", "--customers", "4000", "--seed", "3", "--out", orders, "--campaign-uplift", "0.5", "--campaign-out", dir.File("t.csv"))).Exit);
        var db = dir.File("c.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync("segment", "--input", orders, "--db", db, "--out", dir.File("o"), "--format", "csv", "--as-of", "2024-06-30")).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("campaign", "register", "--name", "n", "--customers", dir.File("t.csv"), "--start", "2024-07-01", "--db", db)).Exit);
        var holdout = await CliRunner.RunAsync("campaign", "holdout", "--name", "n", "--share", "0.2", "--seed", "42", "--stratify", "abc", "--db", db);
        Assert.True(holdout.Exit == 0, holdout.Err);
        var (exit, json, err) = await CliRunner.RunAsync("campaign", "evaluate", "--name", "n", "--window-days", "60", "--scheme", "abc", "--db", db, "--input", orders, "--json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(json);
        var effects = doc.RootElement.GetProperty("effects").EnumerateArray().ToList();
        Assert.Contains(effects, e => e.GetProperty("segment").GetString() == "A" && e.GetProperty("metric").GetString() == "orders_per_customer");
        var control = doc.RootElement.GetProperty("control").GetInt64();
        var treated = doc.RootElement.GetProperty("treated").GetInt64();
        Assert.InRange((double)control / (control + treated), 0.19, 0.21);
    }
}
