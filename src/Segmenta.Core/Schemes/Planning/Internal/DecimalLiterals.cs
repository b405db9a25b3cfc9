using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Drops trailing zeros of decimal literals (910.0 → 910), which interpolated statistics carry, so rule texts and
/// parameters read as users write them. The value is unchanged.
/// </summary>
internal static class DecimalLiterals
{
    /// <summary>The same decimal with the smallest scale.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static Expr Normalize(Expr expr) => expr switch
    {
        Literal { Value: decimal d } => new Literal(Normalize(d)),
        Binary b => new Binary(b.Op, Normalize(b.Left), Normalize(b.Right)),
        Unary u => new Unary(u.Op, Normalize(u.Operand)),
        InList l => new InList(Normalize(l.Value), [.. l.Items.Select(Normalize)], l.Negated),
        Between b => new Between(Normalize(b.Value), Normalize(b.Low), Normalize(b.High), b.Negated),
        IsNull n => new IsNull(Normalize(n.Value), n.Negated),
        CaseWhen c => new CaseWhen([.. c.Branches.Select(x => new CaseBranch(Normalize(x.When), Normalize(x.Then)))], Normalize(c.Else)),
        _ => expr,
    };
}
