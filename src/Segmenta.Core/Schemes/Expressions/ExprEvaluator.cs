namespace Segmenta.Core.Schemes.Expressions;

/// <summary>
/// Evaluates an <see cref="Expr"/> for one row in memory, with the semantics of the SQL the engines run, so
/// that both paths assign the same segment:
/// <list type="bullet">
/// <item>three-valued logic: a comparison with null is unknown (null); <c>and</c> is false if either side is
/// false, else unknown if either is unknown; <c>or</c> is true if either side is true, else unknown if either is
/// unknown; <c>not</c> unknown is unknown;</item>
/// <item><see cref="CaseWhen"/> takes the first branch whose condition is true (unknown does not match), else the
/// <c>ELSE</c> value;</item>
/// <item>exact arithmetic: <see cref="long"/> op <see cref="long"/> stays <see cref="long"/> (widened to decimal
/// on overflow), any other mix of exact numbers is <see cref="decimal"/>, a <see cref="double"/> on either side
/// gives <see cref="double"/>; ÷ always gives decimal (or double) and division by zero gives null;</item>
/// <item>numbers compare by value across types (1 = 1.0); text compares ordinally (by UTF-16 code unit, so
/// Chinese text is compared exactly, never culture-folded);</item>
/// <item><see cref="InList"/>: true if some item equals the value; otherwise unknown if the value or any item is
/// null; otherwise false. <c>NOT IN</c> negates that (so <c>x NOT IN (1, NULL)</c> is never true);</item>
/// <item><see cref="Between"/>: <c>low ≤ value ≤ high</c>, both ends inclusive; <see cref="IsNull"/> is never unknown.</item>
/// </list>
/// Row values may be any CLR integer type, <see cref="float"/>, <see cref="double"/>, <see cref="decimal"/>,
/// <see cref="string"/>, <see cref="bool"/>, null/<see cref="DBNull"/>, or another comparable type (dates).
/// </summary>
public static class ExprEvaluator
{
    /// <summary>The value of <paramref name="expression"/> for the row whose columns <paramref name="row"/> returns.</summary>
    /// <exception cref="InvalidOperationException">Incompatible operand types (the type checker should have caught them).</exception>
    public static object? Evaluate(Expr expression, Func<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(row);
        return Eval(expression, row);
    }

    /// <summary>The value of <paramref name="expression"/> for a row given as a dictionary.</summary>
    /// <exception cref="KeyNotFoundException">The expression refers to a column the row does not have.</exception>
    public static object? Evaluate(Expr expression, IReadOnlyDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Evaluate(expression, Lookup(row));
    }

    /// <summary>Evaluates a condition: true, false or null (unknown). A rule matches only when this is true.</summary>
    /// <exception cref="InvalidOperationException">The expression does not give a boolean.</exception>
    public static bool? EvaluateCondition(Expr expression, Func<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(row);
        return AsCondition(Eval(expression, row), expression);
    }

    /// <summary>
    /// Runs every layer of <paramref name="plan"/> for one row: each derived column is evaluated against the row
    /// plus the columns of earlier layers (a derived column shadows a row column of the same name).
    /// </summary>
    /// <returns>The derived columns by name, including <see cref="SchemePlan.SegmentColumn"/>.</returns>
    public static IReadOnlyDictionary<string, object?> EvaluatePlan(SchemePlan plan, Func<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(row);
        var derived = new Dictionary<string, object?>(StringComparer.Ordinal);
        object? Resolve(string name) => derived.TryGetValue(name, out var v) ? v : row(name);
        foreach (var layer in plan.Layers)
        {
            // Columns of one layer see only earlier layers, as in one SQL SELECT over the previous one.
            var computed = layer.Select(c => (c.Name, Value: Eval(c.Expression, Resolve))).ToList();
            foreach (var (name, value) in computed)
                derived[name] = value;
        }
        return derived;
    }

    /// <summary>Runs every layer of <paramref name="plan"/> for a row given as a dictionary.</summary>
    public static IReadOnlyDictionary<string, object?> EvaluatePlan(SchemePlan plan, IReadOnlyDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return EvaluatePlan(plan, Lookup(row));
    }

    private static Func<string, object?> Lookup(IReadOnlyDictionary<string, object?> row) =>
        name => row.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"The row has no column \"{name}\".");

    private static object? Eval(Expr expression, Func<string, object?> row) => expression switch
    {
        ColumnRef c => SqlValues.Normalize(row(c.Name)),
        Literal l => SqlValues.Normalize(l.Value),
        Binary b => EvalBinary(b, row),
        Unary { Op: UnaryOp.Not } u => Not(AsCondition(Eval(u.Operand, row), u.Operand)),
        Unary { Op: UnaryOp.Negate } u => SqlValues.Negate(Eval(u.Operand, row)),
        InList i => EvalInList(i, row),
        Between b => EvalBetween(b, row),
        IsNull n => (Eval(n.Value, row) is null) != n.Negated,
        CaseWhen c => EvalCase(c, row),
        _ => throw new InvalidOperationException($"Unsupported expression node {expression.GetType().Name}."),
    };

    private static object? EvalBinary(Binary b, Func<string, object?> row)
    {
        switch (b.Op)
        {
            case BinaryOp.And:
                return And(AsCondition(Eval(b.Left, row), b.Left), AsCondition(Eval(b.Right, row), b.Right));
            case BinaryOp.Or:
                return Or(AsCondition(Eval(b.Left, row), b.Left), AsCondition(Eval(b.Right, row), b.Right));
            case BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide:
                return SqlValues.Arithmetic(b.Op, Eval(b.Left, row), Eval(b.Right, row));
            default:
                var order = SqlValues.Compare(Eval(b.Left, row), Eval(b.Right, row));
                if (order is not { } c)
                    return null;
                return b.Op switch
                {
                    BinaryOp.Equal => c == 0,
                    BinaryOp.NotEqual => c != 0,
                    BinaryOp.Less => c < 0,
                    BinaryOp.LessOrEqual => c <= 0,
                    BinaryOp.Greater => c > 0,
                    BinaryOp.GreaterOrEqual => c >= 0,
                    _ => throw new InvalidOperationException($"Unsupported operator {b.Op}."),
                };
        }
    }

    private static bool? EvalInList(InList i, Func<string, object?> row)
    {
        var value = Eval(i.Value, row);
        bool? found = false;
        foreach (var item in i.Items)
        {
            var c = SqlValues.Compare(value, Eval(item, row));
            if (c == 0)
            {
                found = true;
                break;
            }
            if (c is null)
                found = null;
        }
        return i.Negated ? Not(found) : found;
    }

    private static bool? EvalBetween(Between b, Func<string, object?> row)
    {
        var value = Eval(b.Value, row);
        var low = SqlValues.Compare(value, Eval(b.Low, row));
        var high = SqlValues.Compare(value, Eval(b.High, row));
        var inside = And(low is { } l ? l >= 0 : null, high is { } h ? h <= 0 : null);
        return b.Negated ? Not(inside) : inside;
    }

    private static object? EvalCase(CaseWhen c, Func<string, object?> row)
    {
        foreach (var branch in c.Branches)
        {
            if (AsCondition(Eval(branch.When, row), branch.When) == true)
                return Eval(branch.Then, row);
        }
        return Eval(c.Else, row);
    }

    private static bool? AsCondition(object? value, Expr source) => value switch
    {
        null => null,
        bool b => b,
        _ => throw new InvalidOperationException(
            $"A condition must be true, false or null, but {source} gave a {value.GetType().Name}."),
    };

    private static bool? Not(bool? value) => value is { } v ? !v : null;

    private static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left is null || right is null ? null : true;

    private static bool? Or(bool? left, bool? right) =>
        left == true || right == true ? true : left is null || right is null ? null : false;
}
