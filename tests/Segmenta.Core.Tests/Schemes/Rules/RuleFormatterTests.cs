using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Tests.Schemes.Rules;

public class RuleFormatterTests
{
    [Theory]
    [InlineData("recency_days <= 30 and frequency >= 5", "recency_days <= 30 and frequency >= 5")]
    [InlineData("REGION IN ('浙江','江苏')", "REGION in ('浙江', '江苏')")]
    [InlineData("a == 1 OR a <> 2", "a = 1 or a != 2")]
    [InlineData("(a or b) and c", "(a or b) and c")]
    [InlineData("a - (b - c)", "a - (b - c)")]
    [InlineData("-(5) < - -5", "-(5) < -(-5)")]
    [InlineData("\"客户等级\" = 'O''Brien'", "\"客户等级\" = 'O''Brien'")]
    [InlineData("\"end\" is not null", "\"end\" is not null")]
    [InlineData("m > p80(m) and m < avg(m)", "m > percentile(m, 0.8) and m < mean(m)")]
    [InlineData("not a = 1", "not a = 1")]
    [InlineData("(not a) = 1", "(not a) = 1")]
    [InlineData("case when a then 1 end > 0", "case when a then 1 else null end > 0")]
    public void Format_ParsedRule_CanonicalText(string rule, string expected) =>
        Assert.Equal(expected, RuleFormatter.Format(RuleParser.Parse(rule)));

    [Theory]
    [InlineData("recency_days <= 30 and frequency >= 5 or not (region in ('a') and x between -1 and 2 * 3)")]
    [InlineData("a not between b + 1 and c * -2 and d is null or e = true")]
    [InlineData("top_share(x, 0.8) <= x and -x * -y / (z - 1) > 0")]
    [InlineData("case when a > 1 then 'x' when a > 0 then 'y' else null end in ('x', 'y')")]
    public void Format_ThenParse_SameTree(string rule)
    {
        var tree = RuleParser.Parse(rule);
        ExprEquality.AssertEqual(tree, RuleParser.Parse(RuleFormatter.Format(tree)));
    }

    [Property(MaxTest = 500)]
    public Property ParseOfFormat_RandomTree_SameTree() =>
        Prop.ForAll(RuleGenerators.Trees, tree =>
        {
            var text = RuleFormatter.Format(tree);
            var parsed = RuleParser.Parse(text);
            Assert.True(ExprEquality.Equal(tree, parsed), $"{text}\n{tree}\n{parsed}");
        });

    [Property(MaxTest = 300)]
    public Property FormatOfParse_RandomTree_IsAFixedPoint() =>
        Prop.ForAll(RuleGenerators.Trees, tree =>
        {
            var text = RuleFormatter.Format(tree);
            Assert.Equal(text, RuleFormatter.Format(RuleParser.Parse(text)));
        });

    [Fact]
    public void Format_NonFiniteDouble_Throws() =>
        Assert.Throws<ArgumentException>(() => RuleFormatter.Format(new Literal(double.NaN)));

    [Fact]
    public void Format_LongAndIntLiterals_AsNumbers() =>
        Assert.Equal("a = 3 or a = -4", RuleFormatter.Format(new Binary(BinaryOp.Or,
            new Binary(BinaryOp.Equal, new ColumnRef("a"), new Literal(3L)),
            new Binary(BinaryOp.Equal, new ColumnRef("a"), new Literal(-4)))));
}
