using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Tests.Schemes.Rules.ExprEquality;

namespace Segmenta.Core.Tests.Schemes.Rules;

public class RuleParserTests
{
    private static ColumnRef Col(string name) => new(name);

    private static Literal Num(decimal value) => new(value);

    [Fact]
    public void Parse_ComparisonsJoinedByAnd_AndBindsTighterThanOr()
    {
        var expr = RuleParser.Parse("a <= 30 or b >= 5 and c = 1");
        AssertEqual(
            new Binary(BinaryOp.Or,
                new Binary(BinaryOp.LessOrEqual, Col("a"), Num(30)),
                new Binary(BinaryOp.And,
                    new Binary(BinaryOp.GreaterOrEqual, Col("b"), Num(5)),
                    new Binary(BinaryOp.Equal, Col("c"), Num(1)))),
            expr);
    }

    [Fact]
    public void Parse_Arithmetic_UsualPrecedenceAndLeftAssociativity()
    {
        var expr = RuleParser.Parse("a - b - c * d / 2 > -e");
        var left = new Binary(BinaryOp.Subtract,
            new Binary(BinaryOp.Subtract, Col("a"), Col("b")),
            new Binary(BinaryOp.Divide, new Binary(BinaryOp.Multiply, Col("c"), Col("d")), Num(2)));
        AssertEqual(new Binary(BinaryOp.Greater, left, new Unary(UnaryOp.Negate, Col("e"))), expr);
    }

    [Fact]
    public void Parse_MinusBeforeNumber_IsNegativeLiteral()
    {
        AssertEqual(new Binary(BinaryOp.Greater, Col("margin"), Num(-5.5m)), RuleParser.Parse("margin > -5.5"));
        AssertEqual(new Binary(BinaryOp.Subtract, Col("a"), Num(-5)), RuleParser.Parse("a - -5"));
        AssertEqual(new Unary(UnaryOp.Negate, Num(5)), RuleParser.Parse("-(5)"));
    }

    [Fact]
    public void Parse_NotBindsLooserThanComparison()
    {
        AssertEqual(new Unary(UnaryOp.Not, new Binary(BinaryOp.Equal, Col("a"), Num(1))), RuleParser.Parse("NOT a = 1"));
    }

    [Theory]
    [InlineData("a = 1", BinaryOp.Equal)]
    [InlineData("a == 1", BinaryOp.Equal)]
    [InlineData("a != 1", BinaryOp.NotEqual)]
    [InlineData("a <> 1", BinaryOp.NotEqual)]
    [InlineData("a < 1", BinaryOp.Less)]
    [InlineData("a <= 1", BinaryOp.LessOrEqual)]
    [InlineData("a > 1", BinaryOp.Greater)]
    [InlineData("a >= 1", BinaryOp.GreaterOrEqual)]
    public void Parse_ComparisonOperators_MapToBinaryOps(string rule, BinaryOp op) =>
        AssertEqual(new Binary(op, Col("a"), Num(1)), RuleParser.Parse(rule));

    [Fact]
    public void Parse_InListWithChineseText_KeepsUnicodeAndEscapes()
    {
        var expr = RuleParser.Parse("region IN ('浙江', '江苏', 'O''Brien')");
        AssertEqual(new InList(Col("region"), [new Literal("浙江"), new Literal("江苏"), new Literal("O'Brien")], false), expr);
    }

    [Fact]
    public void Parse_NotInBetweenIsNull_AllForms()
    {
        AssertEqual(new InList(Col("a"), [Num(1), Num(2)], true), RuleParser.Parse("a not in (1, 2)"));
        AssertEqual(new Between(Col("clv_12m"), Num(1000), Num(5000), false), RuleParser.Parse("clv_12m between 1000 and 5000"));
        AssertEqual(new Between(Col("a"), Num(1), Num(5), true), RuleParser.Parse("a Not Between 1 AND 5"));
        AssertEqual(new IsNull(Col("a"), false), RuleParser.Parse("a is null"));
        AssertEqual(new IsNull(Col("a"), true), RuleParser.Parse("a IS NOT NULL"));
    }

    [Fact]
    public void Parse_BetweenInsideAnd_BoundsAreNotConfusedWithAnd()
    {
        var expr = RuleParser.Parse("a between 1 and 5 and b = true");
        AssertEqual(new Binary(BinaryOp.And, new Between(Col("a"), Num(1), Num(5), false),
            new Binary(BinaryOp.Equal, Col("b"), new Literal(true))), expr);
    }

    [Fact]
    public void Parse_QuotedIdentifier_NonAsciiName()
    {
        AssertEqual(new Binary(BinaryOp.Equal, Col("客户等级"), new Literal("A")), RuleParser.Parse("\"客户等级\" = 'A'"));
        AssertEqual(new IsNull(Col("a\"b"), false), RuleParser.Parse("\"a\"\"b\" is null"));
    }

    [Fact]
    public void Parse_Literals_TrueFalseNullCaseInsensitive()
    {
        AssertEqual(new Binary(BinaryOp.Or, new Literal(true), new Literal(false)), RuleParser.Parse("TRUE or False"));
        AssertEqual(new InList(Col("a"), [new Literal(null)], false), RuleParser.Parse("a in (NULL)"));
    }

    [Fact]
    public void Parse_Aggregates_AllSpellings()
    {
        AssertEqual(new Binary(BinaryOp.Greater, Col("m"), new PopulationAggregate(AggregateFunction.Mean, "m", null)), RuleParser.Parse("m > avg(m)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Mean, "m", null), Inner("mean(m)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Median, "m", null), Inner("MEDIAN(m)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Min, "m", null), Inner("min(m)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Max, "客户", null), Inner("max(\"客户\")"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Percentile, "m", 0.8m), Inner("p80(m)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Percentile, "m", 0.05m), Inner("p5(m)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.Percentile, "m", 0.8m), Inner("percentile(m, 0.8)"));
        AssertEqual(new PopulationAggregate(AggregateFunction.TopShare, "m", 0.8m), Inner("top_share(m, 0.8)"));

        static Expr Inner(string aggregate) => ((Binary)RuleParser.Parse("x >= " + aggregate)).Right;
    }

    [Fact]
    public void Parse_ColumnNamedLikeFunction_IsAColumnWithoutParentheses() =>
        AssertEqual(new Binary(BinaryOp.Greater, Col("p80"), Col("mean")), RuleParser.Parse("p80 > mean"));

    [Fact]
    public void Parse_CaseWhen_ElseDefaultsToNull()
    {
        var expr = RuleParser.Parse("case when a > 1 then 'x' end = 'x'");
        var caseWhen = (CaseWhen)((Binary)expr).Left;
        AssertEqual(new CaseWhen([new CaseBranch(new Binary(BinaryOp.Greater, Col("a"), Num(1)), new Literal("x"))], new Literal(null)), caseWhen);
    }

    [Fact]
    public void Parse_MissingOperand_ColumnCaretAndExpectedTokens()
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("recency_days <= and x"));
        Assert.StartsWith("rule \"recency_days <= and x\": at column 17: expected a number, a column or \"(\", found \"and\"", e.Message, StringComparison.Ordinal);
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal("  recency_days <= and x", lines[1]);
        Assert.Equal("                  ^", lines[2]);
        Assert.Equal(17, e.Problem.Column);
        Assert.IsAssignableFrom<SegmentaInputException>(e);
    }

    [Fact]
    public void Parse_ChineseBeforeError_CaretCountsWideCharacters()
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("\"客户\" = 'A' )"));
        Assert.Equal(12, e.Problem.Column);
        var lines = e.Message.Split(Environment.NewLine);
        // 11 characters before the error, two of them wide: the caret goes under display column 14.
        Assert.Equal("  " + new string(' ', 13) + "^", lines[2]);
    }

    [Theory]
    [InlineData("x = 1; drop table transactions", 6)]
    [InlineData("x = 1 -- comment", 7)]
    [InlineData("x = 1 /* */", 7)]
    [InlineData("x = 'a' || 'b'", 9)]
    [InlineData("x = 1 && y = 2", 7)]
    [InlineData("x = 1 union select * from t", 7)]
    [InlineData("x = `y`", 5)]
    [InlineData("x = 1e3", 6)]
    [InlineData("x = 'abc", 5)]
    [InlineData("（x = 1）", 1)]
    [InlineData("客户等级 = 'A'", 1)]
    [InlineData("x = 1)", 6)]
    [InlineData("(x = 1", 7)]
    [InlineData("a = b = c", 7)]
    [InlineData("x in 1", 6)]
    [InlineData("sum(x) > 1", 1)]
    [InlineData("p100(x) > 1", 1)]
    [InlineData("mean(x, 0.5) > 1", 7)]
    [InlineData("percentile(x) > 1", 13)]
    [InlineData("mean(x + 1) > 1", 8)]
    [InlineData("", 1)]
    [InlineData("x is 5", 6)]
    public void Parse_InvalidOrInjectedText_SyntaxErrorAtColumn(string rule, int column)
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));
        Assert.Equal(column, e.Problem.Column);
        var result = RuleParser.TryParse(rule, out var expr);
        Assert.Null(expr);
        Assert.False(result.IsValid);
        Assert.Equal(e.Problem, Assert.Single(result.Problems));
    }

    [Fact]
    public void TryParse_ValidRule_ValidWithTree()
    {
        var result = RuleParser.TryParse("a = 1", out var expr);
        Assert.True(result.IsValid);
        Assert.NotNull(expr);
    }

    [Fact]
    public void Parse_MultiLineRule_ReportsLineAndColumn()
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("a = 1\nand b >"));
        Assert.Equal((2, 8), (e.Problem.Line, e.Problem.Column));
        Assert.Contains("at line 2, column 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_ClearError()
    {
        var rule = "a = 1" + string.Concat(Enumerable.Repeat(" or a = 1", 1200));
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));
        Assert.Contains("the limit is 10000", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("- ", "")]
    [InlineData("-(", ")")]
    public void Parse_NestingAtLimit_Parses(string open, string close)
    {
        var n = RuleParser.MaxNesting / (open == "-(" ? 2 : 1);
        var rule = string.Concat(Enumerable.Repeat(open, n)) + "x" + string.Concat(Enumerable.Repeat(close, n)) + (open.StartsWith('-') ? " > 1" : " = true");
        Assert.NotNull(RuleParser.Parse(rule));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("- ", "")]
    [InlineData("case when true then ", " end")]
    public void Parse_NestingBeyondLimit_ErrorNotStackOverflow(string open, string close)
    {
        const int n = 5000 / 4;
        var rule = string.Concat(Enumerable.Repeat(open, n)) + "x" + string.Concat(Enumerable.Repeat(close, n));
        if (rule.Length > RuleParser.MaxLength) rule = rule[..RuleParser.MaxLength];
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));
        Assert.Contains("nested too deeply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongOrChain_DepthLimitError()
    {
        var rule = "a = 1" + string.Concat(Enumerable.Repeat(" or a=1", RuleParser.MaxDepth + 10));
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));
        Assert.Contains("in (...)", e.Message, StringComparison.Ordinal);
    }
}
