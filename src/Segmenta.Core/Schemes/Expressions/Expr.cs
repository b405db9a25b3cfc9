namespace Segmenta.Core.Schemes.Expressions;

/// <summary>
/// A node of the rule language's abstract syntax tree. Built-in schemes are built from these nodes, the
/// rule parser produces them, and the same tree is compiled to each SQL dialect and to an in-memory
/// evaluator, so every path assigns the same segment.
/// </summary>
public abstract record Expr;

/// <summary>A reference to a customer feature column, e.g. <c>recency_days</c>.</summary>
/// <param name="Name">Feature name (see <see cref="Customers.FeatureNames"/>).</param>
public sealed record ColumnRef(string Name) : Expr;

/// <summary>A constant: <see cref="decimal"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null.</summary>
/// <param name="Value">The value; numbers should be <see cref="decimal"/> where exactness matters (money, cut points).</param>
public sealed record Literal(object? Value) : Expr;

/// <summary>A binary operation: arithmetic, comparison or boolean connective.</summary>
public sealed record Binary(BinaryOp Op, Expr Left, Expr Right) : Expr;

/// <summary>A unary operation: <c>not</c> or arithmetic negation.</summary>
public sealed record Unary(UnaryOp Op, Expr Operand) : Expr;

/// <summary><c>value [not] in (items…)</c>.</summary>
public sealed record InList(Expr Value, IReadOnlyList<Expr> Items, bool Negated) : Expr;

/// <summary><c>value [not] between low and high</c> (both ends inclusive, as in SQL).</summary>
public sealed record Between(Expr Value, Expr Low, Expr High, bool Negated) : Expr;

/// <summary><c>value is [not] null</c>.</summary>
public sealed record IsNull(Expr Value, bool Negated) : Expr;

/// <summary>Ordered <c>CASE WHEN … THEN … ELSE … END</c>: the first branch whose condition is true wins.</summary>
public sealed record CaseWhen(IReadOnlyList<CaseBranch> Branches, Expr Else) : Expr;

/// <summary>One <c>WHEN condition THEN result</c> branch of a <see cref="CaseWhen"/>.</summary>
public sealed record CaseBranch(Expr When, Expr Then);

/// <summary>Binary operators. Comparisons with null are unknown (SQL three-valued logic); a rule that is unknown does not match.</summary>
public enum BinaryOp
{
    /// <summary>+</summary>
    Add,
    /// <summary>−</summary>
    Subtract,
    /// <summary>×</summary>
    Multiply,
    /// <summary>÷ (division by zero gives null)</summary>
    Divide,
    /// <summary>=</summary>
    Equal,
    /// <summary>!= / &lt;&gt;</summary>
    NotEqual,
    /// <summary>&lt;</summary>
    Less,
    /// <summary>&lt;=</summary>
    LessOrEqual,
    /// <summary>&gt;</summary>
    Greater,
    /// <summary>&gt;=</summary>
    GreaterOrEqual,
    /// <summary>and</summary>
    And,
    /// <summary>or</summary>
    Or,
}

/// <summary>Unary operators.</summary>
public enum UnaryOp
{
    /// <summary>Boolean negation.</summary>
    Not,
    /// <summary>Arithmetic negation.</summary>
    Negate,
}
