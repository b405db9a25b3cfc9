using Segmenta.Core.Campaigns;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Campaigns;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Snapshots;

/// <summary>Issue 6 acceptance: a planted uplift is covered by the estimate's interval; a zero uplift's interval covers zero.</summary>
public sealed class CampaignEffectTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.0)]
    public void Evaluate_PlantedUplift_IntervalCoversPlantedValue(double uplift)
    {
        using var dir = new TempDir();
        var files = new SyntheticOutputFiles(Path.Combine(dir.Path, "orders.csv"), CampaignTreated: Path.Combine(dir.Path, "treated.csv"), CampaignControl: Path.Combine(dir.Path, "control.csv"));
        SyntheticCsvWriter.Write(new SyntheticOptions
        {
            Customers = 40_000,
            Seed = 11,
            Campaign = new SyntheticCampaign { Uplift = uplift, TargetShare = 1, ControlShare = 0.5 },
        }, files);
        using var connection = DuckDbStore.Open(":memory:");
        Importer.Import(connection, new ImportOptions { Path = files.Transactions });
        var campaigns = new CampaignStore(connection);
        campaigns.Register("spring", SyntheticCampaign.DefaultStart, CampaignStore.ReadCustomerList(files.CampaignTreated!));
        var info = campaigns.SetControl("spring", CampaignStore.ReadCustomerList(files.CampaignControl!));
        Assert.True(info.Treated > 19_000 && info.Control > 19_000);

        var report = CampaignEvaluator.Evaluate(connection, "spring", 60);
        var orders = report.Effects.Single(e => e.Segment == CampaignEvaluation.AllSegments && e.Metric == CampaignEvaluation.OrdersPerCustomer).Window;
        var revenue = report.Effects.Single(e => e.Segment == CampaignEvaluation.AllSegments && e.Metric == CampaignEvaluation.RevenuePerCustomer).Window;
        // The planted effect (docs/snapshots.md): orders and revenue per treated customer in the window × (1 + u).
        Assert.True(orders.LiftCovers(uplift), $"orders lift {orders.Lift} [{orders.LiftLow}, {orders.LiftHigh}] should cover {uplift}");
        Assert.True(revenue.LiftCovers(uplift), $"revenue lift {revenue.Lift} [{revenue.LiftLow}, {revenue.LiftHigh}] should cover {uplift}");
        if (uplift > 0)
        {
            Assert.False(orders.LiftCovers(0));   // and the test has the power to see it
            Assert.True(orders.Low > 0);
        }
        else
        {
            Assert.True(orders.Covers(0));
        }
    }

    [Fact]
    public void Generate_ZeroUplift_SameTransactionsAsNoCampaign()
    {
        using var dir = new TempDir();
        var plain = Path.Combine(dir.Path, "a.csv");
        var zero = Path.Combine(dir.Path, "b.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 3000, Seed = 5 }, plain);
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 3000, Seed = 5, Campaign = new SyntheticCampaign { Uplift = 0 } }, zero);
        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(zero));
    }
}
