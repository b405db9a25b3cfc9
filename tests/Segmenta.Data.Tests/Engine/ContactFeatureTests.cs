using Segmenta.Core.Customers;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Engine;

/// <summary>Interaction, survey, discount and profitability features on hand-computed rows (as-of 2024-06-30).</summary>
public sealed class ContactFeatureTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);
    private readonly TempDir _dir = new();
    private readonly DuckDB.NET.Data.DuckDBConnection _connection = DuckDbStore.Open(":memory:");

    public ContactFeatureTests()
    {
        Load("t.csv", ImportKind.Transactions,
            "customer_id,order_id,order_date,amount,cost,discount\n" +
            "A,o1,2024-01-10,100,60,10\nA,o2,2024-03-01,200,120,0\nA,o3,2024-06-01,100,,5\n" +
            "B,o4,2024-05-01,50,,\nC,o5,2024-06-30,80,40,\n");
        Load("i.csv", ImportKind.Interactions,
            "客户编号,拜访日期,拜访方式,费用\n" +
            "A,2024-04-01,拜访,800\n" +      // 90 days before the as-of date: outside the 90-day window
            "A,2024-04-02,拜访,\n" +         // 89 days: inside; no cost → unit cost of a visit
            "A,2024-06-10,电话,\n" +         // 20 days: inside both windows; unit cost of a call
            "A,2024-06-30,邮件,5\n" +        // the as-of day itself
            "A,2024-07-05,会议,1000\n" +     // after the as-of date: ignored
            "B,2024-01-15,会议,300\n" +      // 167 days
            "D,2024-06-01,拜访,800\n");      // no transactions: not a customer of the feature table
        Load("s.csv", ImportKind.Surveys,
            "客户ID,调查日期,推荐值,满意度,需求类型\n" +
            "A,2024-02-01,9,5,品质\nA,2024-05-01,3,3,\nA,2024-05-01,6,,价格\nA,2024-07-01,10,,\n" +
            "B,2024-03-01,,2,服务\nC,2024-04-01,8,,\n");
    }

    public void Dispose()
    {
        _connection.Dispose();
        _dir.Dispose();
    }

    private void Load(string name, ImportKind kind, string content)
    {
        File.WriteAllText(_dir.File(name), content);
        Importer.Import(_connection, new ImportOptions { Path = _dir.File(name), Kind = kind, MaxRejectRate = 0 });
    }

    private async Task<Dictionary<string, Dictionary<string, object?>>> FeaturesAsync(ProfitabilityOptions profitability)
    {
        var engine = new DuckDbEngine(_connection);
        var built = await engine.BuildFeaturesAsync(AsOf, profitability, default);
        Assert.Equal(3, built.Customers);
        return Db.Rows(_connection, "SELECT * FROM customer_features").ToDictionary(
            r => (string)r[0]!,
            r => built.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2));
    }

    [Fact]
    public async Task BuildFeatures_InteractionsAndSurveys_MatchHandComputedValues()
    {
        var f = await FeaturesAsync(new ProfitabilityOptions
        {
            UnitCosts = new Dictionary<string, decimal> { ["visit"] = 500m, ["call"] = 50m },
            MarginRate = 0.3,
        });
        var a = f["A"];
        Assert.Equal(3L, a[FeatureNames.Contacts90d]);
        Assert.Equal(1L, a[FeatureNames.Visits90d]);
        Assert.Equal(1L, a[FeatureNames.Calls90d]);
        Assert.Equal(2L, a[FeatureNames.Contacts30d]);
        Assert.Equal(0L, a[FeatureNames.LastContactDays]);
        Assert.Equal(555m, a[FeatureNames.ContactCost90d]);                 // 500 + 50 + 5
        Assert.Equal(1355m, a[FeatureNames.ContactCostTotal]);              // + 800
        Assert.Equal(6, a[FeatureNames.Nps]);                               // latest day 05-01, last row of that day
        Assert.Equal("detractor", a[FeatureNames.NpsGroup]);
        Assert.Equal(4.0, a[FeatureNames.Csat]);                            // (5 + 3) / 2; the 07-01 answer is after the as-of date
        Assert.Equal("价格", a[FeatureNames.SurveyNeed]);
        Assert.Equal(2.0 / 3, (double)a[FeatureNames.DiscountShare]!, 12); // o1 and o3 of 3 orders
        Assert.Equal(220m, a[FeatureNames.GrossMargin]);                    // 400 − (60 + 120): the recorded margin
        Assert.Equal(1355m, a[FeatureNames.CostToServe]);
        Assert.Equal(-1135m, a[FeatureNames.Profit]);

        var b = f["B"];
        Assert.Equal(0L, b[FeatureNames.Contacts90d]);
        Assert.Equal(167L, b[FeatureNames.LastContactDays]);
        Assert.Equal(0m, b[FeatureNames.ContactCost90d]);
        Assert.Equal(300m, b[FeatureNames.ContactCostTotal]);
        Assert.Null(b[FeatureNames.Nps]);
        Assert.Null(b[FeatureNames.NpsGroup]);
        Assert.Equal(2.0, b[FeatureNames.Csat]);
        Assert.Equal("服务", b[FeatureNames.SurveyNeed]);
        Assert.Equal(0.0, b[FeatureNames.DiscountShare]);
        Assert.Equal(15m, b[FeatureNames.GrossMargin]);                     // no recorded cost: 50 × 0.3
        Assert.Equal(-285m, b[FeatureNames.Profit]);

        var c = f["C"];
        Assert.Equal(0L, c[FeatureNames.Contacts90d]);
        Assert.Null(c[FeatureNames.LastContactDays]);
        Assert.Equal(0m, c[FeatureNames.CostToServe]);
        Assert.Equal(8, c[FeatureNames.Nps]);
        Assert.Equal("passive", c[FeatureNames.NpsGroup]);
        Assert.Null(c[FeatureNames.Csat]);
        Assert.Equal(40m, c[FeatureNames.Profit]);
    }

    [Fact]
    public async Task BuildFeatures_NoMarginRate_UsesObservedPopulationRate()
    {
        var f = await FeaturesAsync(new ProfitabilityOptions());
        // Σ margin / Σ revenue over customers with a recorded cost: (220 + 40) / (400 + 80); B: 50 × 0.5416666667.
        Assert.Equal(27.0833m, f["B"][FeatureNames.GrossMargin]);
        Assert.Equal(5m, f["A"][FeatureNames.ContactCost90d]);   // no unit costs: only the recorded 5 (the visit and call count 0)
    }

    [Fact]
    public async Task DescribeFeatures_TypesTheNewColumns_RulesTypeCheck()
    {
        await FeaturesAsync(new ProfitabilityOptions());
        var schema = new DuckDbEngine(_connection).DescribeFeatures();
        Assert.Equal(FeatureType.Number, schema.Columns[FeatureNames.Contacts90d]);
        Assert.Equal(FeatureType.Text, schema.Columns[FeatureNames.NpsGroup]);
        Assert.Equal(FeatureType.Number, schema.Columns[FeatureNames.Profit]);
        foreach (var rule in new[] { "contacts_90d >= 4", "nps_group = 'detractor'", "csat < 3 or survey_need = '价格'", "profit < 0 and discount_share > 0.5" })
        {
            Assert.True(RuleChecker.Check(rule, schema).IsValid, rule);
            Assert.True(RuleChecker.Check(rule, FeatureSchema.Standard().WithFeatures(FeatureSchema.OptionalFeatures.Keys)).IsValid, rule);
        }
        Assert.False(RuleChecker.Check("nps_group >= 4", schema).IsValid);
    }

    [Fact]
    public async Task BuildFeatures_WithoutContactTables_AddsNoContactColumns()
    {
        using var connection = DuckDbStore.Open(":memory:");
        File.WriteAllText(_dir.File("only.csv"), "customer_id,order_date,amount\nA,2024-01-01,10\n");
        Importer.Import(connection, new ImportOptions { Path = _dir.File("only.csv") });
        var built = await new DuckDbEngine(connection).BuildFeaturesAsync(AsOf, new ProfitabilityOptions(), default);
        Assert.DoesNotContain(FeatureNames.Contacts90d, built.Columns);
        Assert.DoesNotContain(FeatureNames.Nps, built.Columns);
        Assert.DoesNotContain(FeatureNames.Profit, built.Columns);
        Assert.DoesNotContain(FeatureNames.DiscountShare, built.Columns);
    }
}
