using Segmenta.Core.Customers;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Tests.Schemes.Rules;

public class RuleCheckerTests
{
    private static readonly FeatureSchema Schema = FeatureSchema.Standard(new Dictionary<string, FeatureType>
    {
        ["region"] = FeatureType.Text,
        ["客户等级"] = FeatureType.Text,
        ["is_vip"] = FeatureType.Boolean,
        ["clv_12m"] = FeatureType.Number,
    });

    private static string Only(string rule) => Assert.Single(RuleChecker.Check(rule, Schema).Problems).Message;

    [Theory]
    [InlineData("recency_days <= 30 and frequency >= 5")]
    [InlineData("region in ('浙江', '江苏')")]
    [InlineData("clv_12m between 1000 and 5000")]
    [InlineData("\"客户等级\" = 'A' and is_vip")]
    [InlineData("last_purchase >= '2024-01-01'")]
    [InlineData("monetary_total >= p80(monetary_total) or margin > mean(margin) * 1.5")]
    [InlineData("monetary_total >= top_share(monetary_total, 0.8)")]
    [InlineData("mean_gap_days is null or not (recency_days > 2 * mean_gap_days)")]
    [InlineData("case when frequency > 3 then 'a' else 'b' end = 'a'")]
    public void Check_ValidRules_NoProblems(string rule) => Assert.True(RuleChecker.Check(rule, Schema).IsValid, RuleChecker.Check(rule, Schema).ToString());

    [Fact]
    public void Check_UnknownColumn_SuggestsClosestName()
    {
        var result = RuleChecker.Check("recency_day <= 30", Schema);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("unknown column recency_day: did you mean recency_days?", problem.Message);
        Assert.Equal(1, problem.Column);
    }

    [Fact]
    public void Check_WrongCase_SuggestsExactName() => Assert.Contains("did you mean recency_days", Only("Recency_Days < 3"), StringComparison.Ordinal);

    [Fact]
    public void Check_UnknownQuotedName_SuggestionIsQuoted() => Assert.Contains("did you mean \"客户等级\"", Only("\"客户等\" = 'A'"), StringComparison.Ordinal);

    [Fact]
    public void Check_TextComparedWithNumber_Mismatch()
    {
        var message = Only("region > 5");
        Assert.Contains("\">\" cannot compare region (text) with 5 (a number)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NumberComparedWithQuotedNumber_HintsToDropQuotes() =>
        Assert.Contains("write 30 without quotes", Only("recency_days = '30'"), StringComparison.Ordinal);

    [Fact]
    public void Check_AndOnNumber_Problem() =>
        Assert.Contains("\"and\" needs a condition (true/false), but recency_days is a number", Only("recency_days and frequency > 1"), StringComparison.Ordinal);

    [Fact]
    public void Check_RuleNotBoolean_Problem() =>
        Assert.StartsWith("the rule must be a condition (true or false), but recency_days + 1 is a number", Only("recency_days + 1"), StringComparison.Ordinal);

    [Fact]
    public void Check_AggregateOverText_Problem() =>
        Assert.Contains("mean(region): region is text", Only("frequency > mean(region)"), StringComparison.Ordinal);

    [Theory]
    [InlineData("frequency > percentile(frequency, 1.5)")]
    [InlineData("frequency > percentile(frequency, 0)")]
    [InlineData("frequency > top_share(frequency, -0.2)")]
    public void Check_ShareOutsideOpenUnitInterval_Problem(string rule) =>
        Assert.Contains("the share must be between 0 and 1", Only(rule), StringComparison.Ordinal);

    [Fact]
    public void Check_DateWithBadText_Problem() => Assert.Contains("is not a date", Only("last_purchase > '2024-13-01'"), StringComparison.Ordinal);

    [Fact]
    public void Check_TextOrdering_Problem() => Assert.Contains("cannot be ordered", Only("region > 'A'"), StringComparison.Ordinal);

    [Fact]
    public void Check_EqualsNull_SuggestsIsNull() => Assert.Contains("write margin is null", Only("margin = null"), StringComparison.Ordinal);

    [Fact]
    public void Check_SeveralProblems_AllListedInSourceOrder()
    {
        var result = RuleChecker.Check("recency_day <= 30 and region > 5 or frequency = 'x' and monetary_totl > mean(region)", Schema);
        Assert.Equal(5, result.Problems.Count);
        Assert.Equal(result.Problems.OrderBy(p => p.Column).ToList(), result.Problems);
        Assert.Equal([1, 30, 47, 57, 73], result.Problems.Select(p => p.Column!.Value));
    }

    [Fact]
    public void Check_SyntaxError_ReturnedNotThrown()
    {
        var problem = Assert.Single(RuleChecker.Check("a = ", Schema).Problems);
        Assert.Equal(5, problem.Column);
    }

    [Fact]
    public void Check_TreeBuiltInCode_ProblemsWithoutPosition()
    {
        var result = RuleChecker.Check(new Binary(BinaryOp.Greater, new ColumnRef("region"), new Literal(5m)), Schema);
        Assert.Null(Assert.Single(result.Problems).Column);
    }

    [Fact]
    public void Standard_ContainsEveryFeatureName()
    {
        var names = typeof(FeatureNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        // Optional features (interactions, surveys, discount, profitability) are typed too, but only present with their input.
        Assert.All(names, n => Assert.True(FeatureSchema.Standard().TryGetType(n, out _) || FeatureSchema.OptionalFeatures.ContainsKey(n), n));
        Assert.True(Schema.TryGetType(FeatureNames.FirstPurchase, out var t) && t == FeatureType.Date);
    }

    [Fact]
    public void Standard_AttributeShadowingFeature_Throws() =>
        Assert.Throws<ArgumentException>(() => FeatureSchema.Standard([new("frequency", FeatureType.Text)]));
}
