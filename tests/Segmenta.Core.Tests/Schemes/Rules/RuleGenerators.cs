using FsCheck;
using FsCheck.Fluent;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Tests.Schemes.Rules;

/// <summary>FsCheck generators: random trees of bounded depth, random text and random token soups.</summary>
internal static class RuleGenerators
{
    private static readonly string[] Names = ["a", "recency_days", "客户等级", "end", "p80", "mean", "x y", "a\"b", "_1", "NULL"];
    private static readonly string[] Texts = ["", "a", "O'Brien", "浙江", "''", "a\"b", " ", "--", "/*", "; drop table t", "😀"];
    private static readonly BinaryOp[] Ops = Enum.GetValues<BinaryOp>();
    private static readonly AggregateFunction[] Functions = Enum.GetValues<AggregateFunction>();

    private static readonly string[] Tokens =
    [
        "a", "region", "1", "0.5", "-", "'x'", "'", "\"", "\"客户\"", "(", ")", ",", "and", "or", "not", "in", "between", "is", "null",
        "true", "case", "when", "then", "else", "end", "=", "==", "<>", "!=", "<=", ">=", "<", ">", "+", "*", "/", "mean(", "p80(",
        "percentile(", "top_share(", ";", "--", "/*", "||", "1e3", "（", "客户",
    ];

    /// <summary>The tokens of <see cref="TokenSoup"/>, for generators of other lengths.</summary>
    public static IReadOnlyList<string> TokenList => Tokens;

    public static Arbitrary<Expr> Trees { get; } = Tree(4).ToArbitrary();

    public static Arbitrary<string> RuleLikeText { get; } =
        Gen.Choose(0, 200).SelectMany(n => Gen.Elements("abc_xyz019 ()'\",.-+*/=<>!;|&\n\t中😀\"".ToCharArray()).ArrayOf(n))
            .Select(chars => new string(chars)).ToArbitrary();

    public static Arbitrary<string> TokenSoup { get; } =
        Gen.Choose(0, 60).SelectMany(n => Gen.Elements(Tokens).ArrayOf(n)).Select(t => string.Join(' ', t)).ToArbitrary();

    private static Gen<Expr> Leaf() => Gen.OneOf(
        Gen.Elements(Names).Select(n => (Expr)new ColumnRef(n)),
        Gen.Choose(-100_000, 100_000).Select(i => (Expr)new Literal(i / 100m)),
        Gen.Elements(Texts).Select(s => (Expr)new Literal(s)),
        Gen.Elements<object?>(true, false, null).Select(v => (Expr)new Literal(v)),
        from f in Gen.Elements(Functions)
        from c in Gen.Elements(Names)
        from p in Gen.Choose(1, 99)
        select (Expr)new PopulationAggregate(f, c, f is AggregateFunction.Percentile or AggregateFunction.TopShare ? p / 100m : null));

    private static Gen<Expr> Tree(int depth)
    {
        if (depth == 0) return Leaf();
        var sub = Tree(depth - 1);
        return Gen.OneOf(
            Leaf(),
            from op in Gen.Elements(Ops) from l in sub from r in sub select (Expr)new Binary(op, l, r),
            from op in Gen.Elements(UnaryOp.Not, UnaryOp.Negate) from e in sub select (Expr)new Unary(op, e),
            from v in sub
            from n in Gen.Choose(1, 3)
            from items in sub.ArrayOf(n)
            from neg in Gen.Elements(true, false)
            select (Expr)new InList(v, items, neg),
            from v in sub from lo in sub from hi in sub from neg in Gen.Elements(true, false) select (Expr)new Between(v, lo, hi, neg),
            from v in sub from neg in Gen.Elements(true, false) select (Expr)new IsNull(v, neg),
            from n in Gen.Choose(1, 2)
            from whens in sub.ArrayOf(n)
            from thens in sub.ArrayOf(n)
            from otherwise in sub
            select (Expr)new CaseWhen([.. whens.Zip(thens, (w, t) => new CaseBranch(w, t))], otherwise));
    }
}
