using System.Globalization;
using System.Text;
using Segmenta.Core;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Data.Sql;

/// <summary>
/// Compiles the rule AST to SQL text for one dialect. Column names are checked against the known columns
/// and quoted; literals are rendered by the dialect, so no user text reaches the engine as SQL.
/// </summary>
/// <remarks>
/// The same tree gives the same answer on every engine: a double meeting an exact number makes the exact side a
/// double (as the in-memory evaluator does), division is in double precision, text is ordered byte-wise, a date
/// compared with a text literal reads the literal as a date, and on engines without SQL's three-valued null logic
/// (<see cref="SqlDialect.EmulatesNullLogic"/>) conditions are written as "definitely true" / "definitely false"
/// tests, so <c>not (x &gt; 5 and y &lt; 3)</c> matches exactly the rows it matches in standard SQL.
/// </remarks>
internal sealed class ExprSqlCompiler
{
    private readonly SqlDialect _dialect;
    private readonly IReadOnlyDictionary<string, ColumnKind> _columns;

    /// <summary>A compiler that knows the column names but not their kinds.</summary>
    public ExprSqlCompiler(SqlDialect dialect, IReadOnlySet<string> knownColumns)
        : this(dialect, knownColumns.ToDictionary(c => c, _ => ColumnKind.Unknown, StringComparer.Ordinal))
    {
    }

    /// <summary>A compiler that knows each column's kind (needed for exact results on ClickHouse and PostgreSQL).</summary>
    public ExprSqlCompiler(SqlDialect dialect, IReadOnlyDictionary<string, ColumnKind> columns)
    {
        _dialect = dialect;
        _columns = columns;
    }

    /// <summary>The SQL of <paramref name="expr"/> as a value (a condition becomes a nullable boolean).</summary>
    public string Compile(Expr expr) => Value(expr);

    /// <summary>The kind of value <paramref name="expr"/> produces.</summary>
    public ColumnKind KindOf(Expr expr) => expr switch
    {
        ColumnRef c => _columns.TryGetValue(c.Name, out var k) ? k : ColumnKind.Unknown,
        Literal { Value: null } => ColumnKind.Unknown,
        Literal { Value: decimal d } => decimal.Truncate(d) == d && _dialect.EmulatesNullLogic ? ColumnKind.Integer : ColumnKind.Decimal,
        Literal { Value: long or int or short } => ColumnKind.Integer,
        Literal { Value: double } => ColumnKind.Double,
        Literal { Value: string } => ColumnKind.Text,
        Literal { Value: bool } => ColumnKind.Boolean,
        Literal { Value: DateOnly } => ColumnKind.Date,
        Binary { Op: BinaryOp.Divide } => ColumnKind.Double,
        Binary b when IsArithmetic(b.Op) => Wider(KindOf(b.Left), KindOf(b.Right)),
        Unary { Op: UnaryOp.Negate } u => KindOf(u.Operand),
        CaseWhen cw => cw.Branches.Select(br => br.Then).Append(cw.Else).Select(KindOf).Aggregate(ColumnKind.Unknown, Wider),
        _ => ColumnKind.Boolean,
    };

    private static bool IsArithmetic(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide;

    private static bool IsComparison(BinaryOp op) => op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less
        or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual;

    /// <summary>Nodes whose null handling differs on engines without three-valued logic (comparisons and IS NULL do not).</summary>
    private static bool IsConnective(Expr expr) => expr switch
    {
        Binary b => b.Op is BinaryOp.And or BinaryOp.Or,
        Unary u => u.Op == UnaryOp.Not,
        InList or Between => true,
        _ => false,
    };

    private static ColumnKind Wider(ColumnKind a, ColumnKind b)
    {
        if (a == ColumnKind.Unknown) return b;
        if (b == ColumnKind.Unknown) return a;
        if (a == ColumnKind.Double || b == ColumnKind.Double) return ColumnKind.Double;
        if (a == ColumnKind.Decimal || b == ColumnKind.Decimal) return ColumnKind.Decimal;
        return a;
    }

    private string Value(Expr expr)
    {
        if (_dialect.EmulatesNullLogic && IsConnective(expr))
            return $"multiIf({True(expr)}, 1, {False(expr)}, 0, NULL)";
        var sb = new StringBuilder();
        switch (expr)
        {
            case ColumnRef c:
                return Column(c);
            case Literal l:
                return LiteralSql(l.Value);
            case Binary b when b.Op == BinaryOp.Divide:
                return _dialect.Divide(Value(b.Left), Value(b.Right));
            case Binary b when _dialect.ComparesIntegersWithIntegerBounds && IntegerBound(b) is { } narrowed:
                return Value(narrowed);
            case Binary b when IsArithmetic(b.Op) || IsComparison(b.Op):
                var (left, right) = Operands(b.Left, b.Right, ordering: IsComparison(b.Op) && b.Op is not (BinaryOp.Equal or BinaryOp.NotEqual));
                return $"({left} {OperatorSql(b.Op)} {right})";
            case Binary b:
                return $"({Value(b.Left)} {OperatorSql(b.Op)} {Value(b.Right)})";
            case Unary u:
                // "(-(…))", never "(-…)": a negative operand would otherwise print "--", a SQL comment.
                return (u.Op == UnaryOp.Not ? "(NOT (" : "(-(") + Value(u.Operand) + "))";
            case InList i:
                sb.Append('(').Append(Value(i.Value)).Append(i.Negated ? " NOT IN (" : " IN (");
                sb.AppendJoin(", ", i.Items.Select(item => Operands(i.Value, item, ordering: false).Right));
                return sb.Append("))").ToString();
            case Between bt:
                {
                    var (value, low) = Operands(bt.Value, bt.Low, ordering: true);
                    var high = Operands(bt.Value, bt.High, ordering: true).Right;
                    return $"({value}{(bt.Negated ? " NOT BETWEEN " : " BETWEEN ")}{low} AND {high})";
                }
            case IsNull n:
                return "(" + Value(n.Value) + (n.Negated ? " IS NOT NULL)" : " IS NULL)");
            case CaseWhen cw:
                return Case(cw, Value);
            default:
                throw new NotSupportedException($"Expression node {expr.GetType().Name} has no SQL form.");
        }
    }

    /// <summary>
    /// <c>x op c</c> (either order) with <c>x</c> integer-valued, <c>op</c> an ordering and <c>c</c> a decimal literal with a
    /// fraction, as the same test against ⌊c⌋: x &lt; c ⇔ x ≤ ⌊c⌋ and x ≤ c ⇔ x ≤ ⌊c⌋; x &gt; c ⇔ x &gt; ⌊c⌋ and
    /// x ≥ c ⇔ x &gt; ⌊c⌋. Null otherwise.
    /// </summary>
    private Binary? IntegerBound(Binary b)
    {
        if (!IsComparison(b.Op) || b.Op is BinaryOp.Equal or BinaryOp.NotEqual) return null;
        var (x, c, op) = b switch
        {
            { Right: Literal { Value: decimal r } } => (b.Left, r, b.Op),
            { Left: Literal { Value: decimal l } } => (b.Right, l, Mirror(b.Op)),
            _ => (null, 0m, b.Op),
        };
        if (x is null || KindOf(x) != ColumnKind.Integer || decimal.Truncate(c) == c) return null;
        var floor = decimal.Floor(c);
        if (floor < long.MinValue || floor > long.MaxValue) return null;
        var below = op is BinaryOp.Less or BinaryOp.LessOrEqual;
        return new Binary(below ? BinaryOp.LessOrEqual : BinaryOp.Greater, x, new Literal((long)floor));
    }

    /// <summary>The operator with its operands swapped (c &lt; x is x &gt; c).</summary>
    private static BinaryOp Mirror(BinaryOp op) => op switch
    {
        BinaryOp.Less => BinaryOp.Greater,
        BinaryOp.LessOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOp.Greater => BinaryOp.Less,
        BinaryOp.GreaterOrEqual => BinaryOp.LessOrEqual,
        _ => op,
    };

    /// <summary>
    /// The SQL of a CASE whose results (THEN and ELSE) are written by <paramref name="result"/>, e.g. as typed constants
    /// so the engine never builds an intermediate value; the conditions compile as in <see cref="Compile"/>.
    /// </summary>
    public string Case(CaseWhen cw, Func<Expr, string> result)
    {
        var sb = new StringBuilder("(CASE");
        foreach (var branch in cw.Branches)
            sb.Append(" WHEN ").Append(Condition(branch.When)).Append(" THEN ").Append(result(branch.Then));
        return sb.Append(" ELSE ").Append(result(cw.Else)).Append(" END)").ToString();
    }

    /// <summary>SQL that is true exactly when the condition is true (false or null otherwise).</summary>
    private string Condition(Expr expr) => _dialect.EmulatesNullLogic ? True(expr) : Value(expr);

    /// <summary>Never-null SQL: 1 when <paramref name="expr"/> is definitely true, else 0 (null-logic emulation).</summary>
    private string True(Expr expr) => expr switch
    {
        Binary { Op: BinaryOp.And } b => $"({True(b.Left)} AND {True(b.Right)})",
        Binary { Op: BinaryOp.Or } b => $"({True(b.Left)} OR {True(b.Right)})",
        Unary { Op: UnaryOp.Not } u => False(u.Operand),
        IsNull n => n.Negated ? $"isNotNull({Value(n.Value)})" : $"isNull({Value(n.Value)})",
        InList i => i.Negated ? NotIn(i) : In(i),
        Between bt => bt.Negated ? False(AsRange(bt)) : True(AsRange(bt)),
        Literal { Value: bool v } => v ? "1" : "0",
        Literal { Value: null } => "0",
        _ => $"ifNull({Value(expr)}, 0)",
    };

    /// <summary>Never-null SQL: 1 when <paramref name="expr"/> is definitely false, else 0 (null-logic emulation).</summary>
    private string False(Expr expr) => expr switch
    {
        Binary { Op: BinaryOp.And } b => $"({False(b.Left)} OR {False(b.Right)})",
        Binary { Op: BinaryOp.Or } b => $"({False(b.Left)} AND {False(b.Right)})",
        Unary { Op: UnaryOp.Not } u => True(u.Operand),
        IsNull n => n.Negated ? $"isNull({Value(n.Value)})" : $"isNotNull({Value(n.Value)})",
        InList i => i.Negated ? In(i) : NotIn(i),
        Between bt => bt.Negated ? True(AsRange(bt)) : False(AsRange(bt)),
        Literal { Value: bool v } => v ? "0" : "1",
        Literal { Value: null } => "0",
        _ => $"ifNull(NOT {Value(expr)}, 0)",
    };

    private static Binary AsRange(Between bt) =>
        new Binary(BinaryOp.And, new Binary(BinaryOp.GreaterOrEqual, bt.Value, bt.Low), new Binary(BinaryOp.LessOrEqual, bt.Value, bt.High));

    // x IN (a, b): true when x is not null and equals an item; false when x is not null, equals none, and no item is null.
    private string In(InList i) => $"(isNotNull({Value(i.Value)}) AND ifNull({AnyEqual(i)}, 0))";

    private string NotIn(InList i) => i.Items.Any(item => item is Literal { Value: null })
        ? "0"
        : $"(isNotNull({Value(i.Value)}) AND ifNull(NOT {AnyEqual(i)}, 0))";

    private string AnyEqual(InList i)
    {
        var items = i.Items.Where(item => item is not Literal { Value: null }).ToList();
        if (items.Count == 0) return "0";
        var value = Value(i.Value);
        return "(" + string.Join(" OR ", items.Select(item => $"({value} = {Operands(i.Value, item, ordering: false).Right})")) + ")";
    }

    /// <summary>Both operands of a comparison or arithmetic, converted so every engine compares the same values.</summary>
    private (string Left, string Right) Operands(Expr left, Expr right, bool ordering)
    {
        var lk = KindOf(left);
        var rk = KindOf(right);
        return (Operand(left, lk, rk, ordering), Operand(right, rk, lk, ordering));
    }

    private string Operand(Expr expr, ColumnKind kind, ColumnKind other, bool ordering)
    {
        if (other == ColumnKind.Date && expr is Literal { Value: string s }
            && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return _dialect.DateLiteral(date);
        if (other == ColumnKind.Double && kind is ColumnKind.Integer or ColumnKind.Decimal)
            return expr is Literal { Value: decimal d } ? _dialect.DoubleLiteral((double)d) : _dialect.ToDouble(Value(expr));
        var sql = Value(expr);
        return ordering && kind == ColumnKind.Text ? _dialect.TextForOrdering(sql) : sql;
    }

    private string Column(ColumnRef c)
    {
        if (!_columns.ContainsKey(c.Name))
            throw new SegmentaInputException($"Unknown column \"{c.Name}\" in a rule. Known columns: {string.Join(", ", _columns.Keys.Order(StringComparer.Ordinal))}.");
        return _dialect.QuoteIdentifier(c.Name);
    }

    private string LiteralSql(object? value) => value switch
    {
        null => "NULL",
        string s => _dialect.StringLiteral(s),
        bool b => _dialect.BooleanLiteral(b),
        decimal d => _dialect.DecimalLiteral(d),
        long or int or short => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when double.IsFinite(d) => _dialect.DoubleLiteral(d),
        DateOnly date => _dialect.DateLiteral(date),
        _ => throw new NotSupportedException($"Literal of type {value.GetType().Name} has no SQL form."),
    };

    private static string OperatorSql(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "<>",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.And => "AND",
        BinaryOp.Or => "OR",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
