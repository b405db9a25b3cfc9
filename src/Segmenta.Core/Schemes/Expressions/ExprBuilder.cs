namespace Segmenta.Core.Schemes.Expressions;

/// <summary>Small helpers the built-in schemes use to write their rules as <see cref="Expr"/> trees.</summary>
internal static class ExprBuilder
{
    public static ColumnRef Col(string name) => new(name);

    public static Literal Lit(object? value) => new(value);

    /// <summary>All of <paramref name="parts"/> joined with <c>and</c> (left-nested).</summary>
    public static Expr And(params Expr[] parts) =>
        parts.Skip(1).Aggregate(parts[0], (acc, next) => new Binary(BinaryOp.And, acc, next));

    /// <summary>
    /// <c>CASE [WHEN column IS NULL THEN nullValue] WHEN column op t₁ THEN v₁ … ELSE elseValue END</c>, thresholds
    /// as decimal literals, first match wins.
    /// </summary>
    public static CaseWhen Thresholds(
        string column, BinaryOp op, IEnumerable<(decimal Threshold, object Value)> branches, object elseValue, object? nullValue = null)
    {
        var list = new List<CaseBranch>();
        if (nullValue is not null)
            list.Add(new CaseBranch(new IsNull(Col(column), false), Lit(nullValue)));
        list.AddRange(branches.Select(b => new CaseBranch(new Binary(op, Col(column), Lit(b.Threshold)), Lit(b.Value))));
        return new CaseWhen(list, Lit(elseValue));
    }
}
