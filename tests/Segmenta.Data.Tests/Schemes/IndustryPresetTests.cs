using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Synthetic;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Schemes;

/// <summary>
/// Each industry preset on its generated data: generate a small profile data set, import the four files, build the
/// features, validate and plan the preset against the data's feature schema, apply it in DuckDB; every customer gets
/// one segment and every segment has customers.
/// </summary>
public class IndustryPresetTests
{
    [Theory]
    [InlineData("chemicals_key_accounts", SyntheticProfile.Chemicals)]
    [InlineData("pharma_hospital_grading", SyntheticProfile.Pharma)]
    [InlineData("finance_risk_revenue", SyntheticProfile.Finance)]
    [InlineData("retail_needs", SyntheticProfile.Retail)]
    public async Task Preset_OnItsGeneratedData_ValidatesPlansAndFillsEverySegment(string preset, SyntheticProfile profile)
    {
        using var dir = new TempDir();
        var files = new SyntheticOutputFiles(dir.File("t.csv")).ForProfile();
        var summary = SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 800, Seed = 11, Profile = profile }, files);
        using var connection = DuckDbStore.Open(":memory:");
        Importer.Import(connection, new ImportOptions { Path = files.Transactions, MaxRejectRate = 0 });
        Importer.Import(connection, new ImportOptions { Path = files.Customers!, Kind = ImportKind.Customers, MaxRejectRate = 0 });
        var ix = Importer.Import(connection, new ImportOptions { Path = files.Interactions!, Kind = ImportKind.Interactions, MaxRejectRate = 0 });
        var sv = Importer.Import(connection, new ImportOptions { Path = files.Surveys!, Kind = ImportKind.Surveys, MaxRejectRate = 0 });
        Assert.Equal(summary.InteractionRows, ix.RowsAccepted);
        Assert.Equal(summary.SurveyRows, sv.RowsAccepted);

        var engine = new DuckDbEngine(connection);
        var built = await engine.BuildFeaturesAsync(null, new ProfitabilityOptions(), default);
        Assert.Equal(800, built.Customers);
        var schema = engine.DescribeFeatures();
        var definition = PresetYaml.Load(preset);
        Assert.Equal(preset, definition.Name);
        var validation = SchemeValidator.Validate(definition, schema);
        Assert.True(validation.IsValid, validation.ToString());

        var histograms = new Dictionary<string, Core.Numerics.ValueHistogram>(StringComparer.Ordinal);
        foreach (var column in SchemePlanner.RequiredHistograms(definition))
            histograms[column] = await engine.HistogramAsync(column, default);
        var planned = SchemePlanner.PlanWithSegments(definition, c => histograms[c], schema);
        foreach (var segment in definition.Segments)
            Assert.NotNull(segment.Playbook?.Action);
        await engine.ApplyPlansAsync([planned.Plan], default);
        var stats = await engine.SegmentStatsAsync(planned.Plan.SegmentColumn, default);
        Assert.Equal(800, stats.Sum(s => s.Customers));
        var keys = planned.Plan.Segments.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        Assert.All(stats, s => Assert.Contains(s.Segment, keys));
        Assert.All(keys, k => Assert.True(stats.Any(s => s.Segment == k && s.Customers > 0), $"{preset}: segment {k} is empty"));
    }
}
