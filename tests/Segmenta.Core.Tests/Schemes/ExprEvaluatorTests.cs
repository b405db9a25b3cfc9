using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Schemes;

public class ExprEvaluatorTests
{
    private static readonly Literal Null = new(null);
    private static readonly Literal True = new(true);
    private static readonly Literal False = new(false);

    private static Literal L(object? v) => new(v);

    private static object? Eval(Expr e, params (string Name, object? Value)[] row) =>
        ExprEvaluator.Evaluate(e, row.ToDictionary(c => c.Name, c => c.Value));

    [Fact]
    public void Evaluate_ColumnRef_ReadsRowAndNormalizesIntegers()
    {
        Assert.Equal(5L, Eval(new ColumnRef("orders"), ("orders", 5)));
        Assert.Null(Eval(new ColumnRef("x"), ("x", DBNull.Value)));
        Assert.Throws<KeyNotFoundException>(() => Eval(new ColumnRef("missing")));
    }

    [Fact]
    public void Evaluate_ExactArithmetic_StaysDecimal()
    {
        Assert.Equal(0.3m, Eval(new Binary(BinaryOp.Add, L(0.1m), L(0.2m))));
        Assert.Equal(7L, Eval(new Binary(BinaryOp.Add, L(3L), L(4L))));
        Assert.Equal(3.5m, Eval(new Binary(BinaryOp.Divide, L(7L), L(2L))));
        Assert.Equal(1.5m, Eval(new Binary(BinaryOp.Multiply, L(3L), L(0.5m))));
        Assert.Equal(2.5, Eval(new Binary(BinaryOp.Subtract, L(3.0), L(0.5m))));
        Assert.Equal(-5L, Eval(new Unary(UnaryOp.Negate, L(5L))));
    }

    [Fact]
    public void Evaluate_LongOverflow_WidensToDecimal() =>
        Assert.Equal((decimal)long.MaxValue + 1, Eval(new Binary(BinaryOp.Add, L(long.MaxValue), L(1L))));

    [Theory]
    [InlineData(0)]
    [InlineData(0.0)]
    public void Evaluate_DivisionByZero_IsNull(object zero)
    {
        Assert.Null(Eval(new Binary(BinaryOp.Divide, L(1m), L(zero))));
        Assert.Null(Eval(new Binary(BinaryOp.Divide, L(1.0), L(zero))));
    }

    [Fact]
    public void Evaluate_ArithmeticWithNull_IsNull()
    {
        Assert.Null(Eval(new Binary(BinaryOp.Add, L(1L), Null)));
        Assert.Null(Eval(new Unary(UnaryOp.Negate, Null)));
    }

    [Theory]
    [InlineData(BinaryOp.Equal, 1, "1.0", true)]
    [InlineData(BinaryOp.NotEqual, 1, "1.0", false)]
    [InlineData(BinaryOp.Less, 1, "1.5", true)]
    [InlineData(BinaryOp.LessOrEqual, 2, "1.5", false)]
    [InlineData(BinaryOp.Greater, 2, "1.5", true)]
    [InlineData(BinaryOp.GreaterOrEqual, 2, "2.00", true)]
    public void Evaluate_NumericComparison_ComparesAcrossTypes(BinaryOp op, long left, string right, bool expected) =>
        Assert.Equal(expected, Eval(new Binary(op, L(left), L(decimal.Parse(right, System.Globalization.CultureInfo.InvariantCulture)))));

    [Fact]
    public void Evaluate_ComparisonWithNull_IsUnknown()
    {
        foreach (var op in new[] { BinaryOp.Equal, BinaryOp.NotEqual, BinaryOp.Less, BinaryOp.GreaterOrEqual })
        {
            Assert.Null(Eval(new Binary(op, new ColumnRef("x"), L(1L)), ("x", null)));
            Assert.Null(Eval(new Binary(op, Null, Null)));
        }
    }

    [Fact]
    public void Evaluate_StringEquality_IsOrdinalAndWorksForChinese()
    {
        var rule = new Binary(BinaryOp.Equal, new ColumnRef("region"), L("浙江"));
        Assert.Equal(true, Eval(rule, ("region", "浙江")));
        Assert.Equal(false, Eval(rule, ("region", "江苏")));
        Assert.Equal(false, Eval(new Binary(BinaryOp.Equal, L("abc"), L("ABC"))));
        Assert.Equal(false, Eval(new Binary(BinaryOp.Equal, L("e\u0301"), L("\u00e9")))); // no culture folding
    }

    [Fact]
    public void Evaluate_IncompatibleTypes_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Eval(new Binary(BinaryOp.Less, L("a"), L(1L))));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(true, null, null)]
    [InlineData(false, null, false)]
    [InlineData(null, false, false)]
    [InlineData(null, null, null)]
    public void Evaluate_And_UsesThreeValuedLogic(bool? left, bool? right, bool? expected) =>
        Assert.Equal(expected, Eval(new Binary(BinaryOp.And, L(left), L(right))));

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(true, null, true)]
    [InlineData(null, true, true)]
    [InlineData(false, null, null)]
    [InlineData(null, null, null)]
    public void Evaluate_Or_UsesThreeValuedLogic(bool? left, bool? right, bool? expected) =>
        Assert.Equal(expected, Eval(new Binary(BinaryOp.Or, L(left), L(right))));

    [Fact]
    public void Evaluate_Not_KeepsUnknown()
    {
        Assert.Equal(false, Eval(new Unary(UnaryOp.Not, True)));
        Assert.Equal(true, Eval(new Unary(UnaryOp.Not, False)));
        Assert.Null(Eval(new Unary(UnaryOp.Not, Null)));
    }

    [Fact]
    public void Evaluate_InList_FollowsSql()
    {
        Expr[] items = [L("浙江"), L("江苏")];
        Assert.Equal(true, Eval(new InList(L("江苏"), items, false)));
        Assert.Equal(false, Eval(new InList(L("上海"), items, false)));
        Assert.Equal(true, Eval(new InList(L("上海"), items, true)));
        Assert.Null(Eval(new InList(Null, items, false)));
        Assert.Null(Eval(new InList(Null, items, true)));
        // A null item makes a miss unknown, so NOT IN (…, NULL) never matches.
        Assert.Null(Eval(new InList(L(3L), [L(1L), Null], false)));
        Assert.Null(Eval(new InList(L(3L), [L(1L), Null], true)));
        Assert.Equal(true, Eval(new InList(L(1L), [L(1.0m), Null], false)));
    }

    [Fact]
    public void Evaluate_Between_IsInclusiveAndNullAware()
    {
        Between B(object? v, bool negated = false) => new(L(v), L(1000L), L(5000L), negated);
        Assert.Equal(true, Eval(B(1000m)));
        Assert.Equal(true, Eval(B(5000L)));
        Assert.Equal(false, Eval(B(5000.01m)));
        Assert.Equal(true, Eval(B(999L, negated: true)));
        Assert.Null(Eval(B(null)));
        Assert.Null(Eval(B(null, negated: true)));
        // Low bound null but value above high: false regardless (AND with a false).
        Assert.Equal(false, Eval(new Between(L(6000L), Null, L(5000L), false)));
    }

    [Fact]
    public void Evaluate_IsNull_NeverUnknown()
    {
        Assert.Equal(true, Eval(new IsNull(Null, false)));
        Assert.Equal(false, Eval(new IsNull(Null, true)));
        Assert.Equal(false, Eval(new IsNull(L(0L), false)));
    }

    [Fact]
    public void Evaluate_CaseWhen_FirstTrueBranchWinsAndUnknownDoesNotMatch()
    {
        var rule = new CaseWhen(
            [
                new CaseBranch(new Binary(BinaryOp.Greater, new ColumnRef("x"), L(10L)), L("big")),
                new CaseBranch(new Binary(BinaryOp.Greater, new ColumnRef("x"), L(0L)), L("small")),
            ],
            L("other"));
        Assert.Equal("big", Eval(rule, ("x", 11)));
        Assert.Equal("small", Eval(rule, ("x", 10)));
        Assert.Equal("other", Eval(rule, ("x", -1)));
        Assert.Equal("other", Eval(rule, ("x", null)));
    }

    [Fact]
    public void EvaluateCondition_NonBoolean_Throws() =>
        Assert.Throws<InvalidOperationException>(() => ExprEvaluator.EvaluateCondition(L(1L), _ => null));

    [Fact]
    public void EvaluatePlan_LaterLayer_SeesEarlierColumns()
    {
        var plan = new SchemePlan(
            "t",
            [
                [new DerivedColumn("a", new Binary(BinaryOp.Multiply, new ColumnRef("x"), L(2L)))],
                [new DerivedColumn("b", new Binary(BinaryOp.Add, new ColumnRef("a"), L(1L)))],
            ],
            "b",
            [],
            new Dictionary<string, IReadOnlyList<decimal>>());
        var result = ExprEvaluator.EvaluatePlan(plan, new Dictionary<string, object?> { ["x"] = 4m });
        Assert.Equal(8m, result["a"]);
        Assert.Equal(9m, result["b"]);
    }
}
