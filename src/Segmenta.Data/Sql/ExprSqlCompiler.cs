using System.Globalization;
using System.Text;
using Segmenta.Core;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Data.Sql;

/// <summary>
/// Compiles the rule AST to SQL text for one dialect. Column names are checked against the known columns
/// and quoted; literals are rendered by the dialect, so no user text reaches the engine as SQL.
/// </summary>
internal sealed class ExprSqlCompiler(SqlDialect dialect, IReadOnlySet<string> knownColumns)
{
    public string Compile(Expr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr);
        return sb.ToString();
    }

    private void Write(StringBuilder sb, Expr expr)
    {
        switch (expr)
        {
            case ColumnRef c:
                if (!knownColumns.Contains(c.Name))
                    throw new SegmentaInputException($"Unknown column \"{c.Name}\" in a rule. Known columns: {string.Join(", ", knownColumns.Order(StringComparer.Ordinal))}.");
                sb.Append(dialect.QuoteIdentifier(c.Name));
                break;
            case Literal l:
                sb.Append(LiteralSql(l.Value));
                break;
            case Binary b:
                sb.Append('(');
                Write(sb, b.Left);
                sb.Append(' ').Append(OperatorSql(b.Op)).Append(' ');
                if (b.Op == BinaryOp.Divide)
                {
                    // Division by zero gives null on every engine (SQL engines disagree otherwise).
                    sb.Append("NULLIF(");
                    Write(sb, b.Right);
                    sb.Append(", 0)");
                }
                else
                {
                    Write(sb, b.Right);
                }
                sb.Append(')');
                break;
            case Unary u:
                // "(-(…))", never "(-…)": a negative operand would otherwise print "--", a SQL comment.
                sb.Append(u.Op == UnaryOp.Not ? "(NOT (" : "(-(");
                Write(sb, u.Operand);
                sb.Append("))");
                break;
            case InList i:
                sb.Append('(');
                Write(sb, i.Value);
                sb.Append(i.Negated ? " NOT IN (" : " IN (");
                for (var k = 0; k < i.Items.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    Write(sb, i.Items[k]);
                }
                sb.Append("))");
                break;
            case Between bt:
                sb.Append('(');
                Write(sb, bt.Value);
                sb.Append(bt.Negated ? " NOT BETWEEN " : " BETWEEN ");
                Write(sb, bt.Low);
                sb.Append(" AND ");
                Write(sb, bt.High);
                sb.Append(')');
                break;
            case IsNull n:
                sb.Append('(');
                Write(sb, n.Value);
                sb.Append(n.Negated ? " IS NOT NULL)" : " IS NULL)");
                break;
            case CaseWhen cw:
                sb.Append("(CASE");
                foreach (var branch in cw.Branches)
                {
                    sb.Append(" WHEN ");
                    Write(sb, branch.When);
                    sb.Append(" THEN ");
                    Write(sb, branch.Then);
                }
                sb.Append(" ELSE ");
                Write(sb, cw.Else);
                sb.Append(" END)");
                break;
            default:
                throw new NotSupportedException($"Expression node {expr.GetType().Name} has no SQL form.");
        }
    }

    private string LiteralSql(object? value) => value switch
    {
        null => "NULL",
        string s => dialect.StringLiteral(s),
        bool b => dialect.BooleanLiteral(b),
        decimal d => dialect.DecimalLiteral(d),
        long or int or short => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => dialect.DateLiteral(date),
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
