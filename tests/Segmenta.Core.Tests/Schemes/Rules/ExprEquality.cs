using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Schemes.Rules;

/// <summary>
/// Structural equality of trees. Record equality compares the lists inside <see cref="InList"/> and
/// <see cref="CaseWhen"/> by reference, so tests compare trees with this instead.
/// </summary>
internal static class ExprEquality
{
    public static bool Equal(Expr? a, Expr? b) => (a, b) switch
    {
        (null, null) => true,
        (InList x, InList y) => x.Negated == y.Negated && Equal(x.Value, y.Value) && All(x.Items, y.Items),
        (CaseWhen x, CaseWhen y) => x.Branches.Count == y.Branches.Count
            && x.Branches.Zip(y.Branches).All(p => Equal(p.First.When, p.Second.When) && Equal(p.First.Then, p.Second.Then))
            && Equal(x.Else, y.Else),
        (Binary x, Binary y) => x.Op == y.Op && Equal(x.Left, y.Left) && Equal(x.Right, y.Right),
        (Unary x, Unary y) => x.Op == y.Op && Equal(x.Operand, y.Operand),
        (Between x, Between y) => x.Negated == y.Negated && Equal(x.Value, y.Value) && Equal(x.Low, y.Low) && Equal(x.High, y.High),
        (IsNull x, IsNull y) => x.Negated == y.Negated && Equal(x.Value, y.Value),
        _ => Equals(a, b),
    };

    private static bool All(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b) =>
        a.Count == b.Count && a.Zip(b).All(p => Equal(p.First, p.Second));

    public static void AssertEqual(Expr expected, Expr actual) =>
        Assert.True(Equal(expected, actual), $"expected {expected}\n  actual {actual}");
}
