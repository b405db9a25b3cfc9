using Segmenta.Core.Pipelines;
using Segmenta.Data.Actions;
using Segmenta.Data.Customers;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Schemes;

namespace Segmenta.Data.Tests.Schemes;

/// <summary>Every preset runs on the CDNOW sample (with model features, which b2b_abcd and value_potential_matrix need).</summary>
public sealed class PresetRunTests : IClassFixture<PresetRunTests.Run>
{
    private readonly Run _run;

    public PresetRunTests(Run run) => _run = run;

    /// <summary>
    /// The industry presets read their profile's attribute, interaction and survey columns, which the CDNOW demo data
    /// does not have; <c>IndustryPresetTests</c> runs them on generated data of their profile. Every other preset runs here.
    /// </summary>
    private static readonly string[] IndustryPresets = ["chemicals_key_accounts", "pharma_hospital_grading", "finance_risk_revenue", "retail_needs"];

    internal static List<string> DemoPresets()
    {
        var all = SchemeCatalog.Presets().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string>(IndustryPresets), new HashSet<string>(all));
        return [.. all.Except(IndustryPresets)];
    }

    /// <summary>One run of every preset on the CDNOW sample, shared by the tests.</summary>
    public sealed class Run : IDisposable
    {
        internal TempDir Dir { get; } = new();

        public string Store => Dir.File("store.duckdb");

        public SegmentationRun Result { get; }

        public Run()
        {
            var presets = DemoPresets();
            Result = SegmentationRunner.RunAsync(new SegmentationRequest
            {
                Transactions = new ImportOptions { Path = TestData.CdnowSampleCsv(Dir.Path) },
                Database = Store,
                Options = new SegmentationOptions { Clv = new ClvFeatureOptions(), LabelLanguage = "zh-CN" },
                Schemes = presets,
                OutputDirectory = Dir.File("out"),
                Format = OutputFormat.Csv,
            }).GetAwaiter().GetResult();
        }

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void EveryPreset_Runs_CountsAddUpToCustomers()
    {
        var customers = _run.Result.Result.Features.Customers;
        Assert.Equal(2357, customers);
        var presets = DemoPresets();
        Assert.True(presets.Count >= 8);
        foreach (var name in presets)
        {
            var scheme = Assert.Single(_run.Result.Result.Schemes, s => s.Name == name);
            Assert.Equal(customers, scheme.Segments.Sum(s => s.Customers));
            Assert.True(scheme.Segments.Count(s => s.Customers > 0) >= 2, $"{name}: at least two segments are used");
        }
    }

    [Fact]
    public void Outputs_OneColumnPerScheme_WithLabels_AndSummaryCounts()
    {
        var header = File.ReadLines(_run.Dir.File("out/customers.csv")).First().TrimStart('\uFEFF').Split(',');
        foreach (var name in DemoPresets())
        {
            Assert.Contains(name, header);
            Assert.Contains(name + "_label", header);
        }
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_run.Dir.File("out/summary.json")))!;
        var lifecycle = summary["schemes"]!["retail_lifecycle"]!.AsObject();
        Assert.Equal(2357, lifecycle.Sum(p => (long)p.Value!));
    }

    [Fact]
    public void RetailRfm_SameSegmentsAsTheBuiltIn()
    {
        var builtIn = _run.Result.Result.Schemes.Single(s => s.Name == "rfm").Segments.Where(s => s.Customers > 0).ToDictionary(s => s.Segment, s => s.Customers);
        var preset = _run.Result.Result.Schemes.Single(s => s.Name == "retail_rfm").Segments.Where(s => s.Customers > 0).ToDictionary(s => s.Segment, s => s.Customers);
        Assert.Equal(builtIn, preset);
    }

    [Fact]
    public void Actions_OneRowPerCustomerWithPlaybook_ReasonHoldsTheirValues()
    {
        using var connection = DuckDbStore.Open(_run.Store);
        var rows = ActionList.Build(connection, _run.Store, "value_frequency_matrix", "en");
        Assert.Equal(2357, rows.Count); // every cell of the preset has a playbook
        Assert.Equal(rows.Count, rows.Select(r => r.CustomerId).Distinct().Count());
        var asOf = _run.Result.Result.Features.AsOf;
        foreach (var r in rows.Take(200))
        {
            Assert.Equal(asOf.AddDays(r.ContactEveryDays!.Value), r.NextContactDue);
            Assert.Contains("monetary_total ", r.Reason, StringComparison.Ordinal);
            Assert.Contains("orders ", r.Reason, StringComparison.Ordinal);
        }
        Assert.Equal(rows.OrderBy(r => r.Priority).ThenBy(r => r.CustomerId, StringComparer.Ordinal).Select(r => r.CustomerId), rows.Select(r => r.CustomerId));
        var csv = _run.Dir.File("actions.csv");
        ActionList.Write(rows, csv);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(rows.Count + 1, lines.Length);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(csv)[..3]);
        Assert.StartsWith("customer_id,scheme,segment,segment_label,reason,action", lines[0], StringComparison.Ordinal);
        var xlsx = _run.Dir.File("actions.xlsx");
        ActionList.Write(rows, xlsx);
        Assert.Equal(rows.Count, MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true).Count());
    }

    [Fact]
    public void CustomerProfile_EverySchemeWithReason_AndPredictions()
    {
        using var connection = DuckDbStore.Open(_run.Store);
        var profile = CustomerProfiles.Read(connection, _run.Store, "1", "zh-CN");
        Assert.Equal(4 + DemoPresets().Count, profile.Segments.Count);
        Assert.Contains(profile.Predictions, p => p.Key == "clv_12m" && p.Value is not null);
        Assert.Contains(profile.Features, p => p.Key == "monetary_total");
        Assert.All(profile.Segments, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Null(profile.Interactions);
        Assert.Null(profile.Surveys);

        // Another import adds these tables; the profile summarises whatever columns they have.
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "CREATE TABLE interactions AS SELECT * FROM (VALUES ('1', DATE '1998-05-01', 'visit', 80.0, '王经理'), ('1', DATE '1998-06-10', 'call', 5.0, '王经理'), ('2', DATE '1998-06-11', 'call', 5.0, NULL)) t(customer_id, interaction_date, type, cost, owner);"
                + "CREATE TABLE surveys AS SELECT * FROM (VALUES ('1', DATE '1998-03-01', 9, 4, '品质'), ('1', DATE '1998-06-01', 6, 2, NULL)) t(customer_id, survey_date, nps, csat, need)";
            cmd.ExecuteNonQuery();
        }
        try
        {
            var withContacts = CustomerProfiles.Read(connection, _run.Store, "1", "zh-CN");
            var contacts = withContacts.Interactions!.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(2L, Convert.ToInt64(contacts["contacts"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1L, Convert.ToInt64(contacts["visits"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(new DateOnly(1998, 6, 10), contacts["last_contact"]);
            var surveys = withContacts.Surveys!.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(6, Convert.ToInt32(surveys["latest_nps"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(3.0, Convert.ToDouble(surveys["mean_csat"], System.Globalization.CultureInfo.InvariantCulture), 9);
            Assert.Equal("品质", surveys["latest_need"]);
        }
        finally
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE interactions; DROP TABLE surveys";
            drop.ExecuteNonQuery();
        }
        var ex = Assert.Throws<Core.SegmentaInputException>(() => CustomerProfiles.Read(connection, _run.Store, "0001", "en"));
        Assert.Contains("did you mean \"1\"", ex.Message, StringComparison.Ordinal);
    }
}
