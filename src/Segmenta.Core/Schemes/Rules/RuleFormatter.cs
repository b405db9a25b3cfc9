using System.Globalization;
using System.Text;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes.Rules;

/// <summary>
/// Prints an <see cref="Expr"/> as rule text, e.g. to show why a customer is in a segment. The output parses back
/// to an equal tree: parentheses are added exactly where precedence needs them, keywords are lower case, names
/// that are not ASCII snake_case (or are keywords) are double-quoted, and text literals use '' for a quote.
/// </summary>
public static class RuleFormatter
{
    // Binding strength, lowest first (see docs/rules.md).
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int NotLevel = 3;
    private const int PredicateLevel = 4;
    private const int AdditiveLevel = 5;
    private const int MultiplicativeLevel = 6;
    private const int UnaryLevel = 7;
    private const int PrimaryLevel = 8;

    /// <summary>Formats a rule.</summary>
    /// <exception cref="ArgumentException">A literal holds a value the rule language cannot write (NaN, infinity, an unknown type).</exception>
    public static string Format(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = new StringBuilder();
        Write(text, expression, OrLevel);
        return text.ToString();
    }

    private static void Write(StringBuilder text, Expr expr, int context)
    {
        var level = LevelOf(expr);
        var parenthesise = level < context;
        if (parenthesise) text.Append('(');
        switch (expr)
        {
            case Literal literal:
                text.Append(FormatLiteral(literal.Value));
                break;
            case ColumnRef column:
                text.Append(Name(column.Name));
                break;
            case PopulationAggregate aggregate:
                WriteAggregate(text, aggregate);
                break;
            case Binary binary:
                Write(text, binary.Left, IsComparison(binary.Op) ? AdditiveLevel : level);
                text.Append(' ').Append(Symbol(binary.Op)).Append(' ');
                Write(text, binary.Right, IsComparison(binary.Op) ? AdditiveLevel : level + 1);
                break;
            case Unary { Op: UnaryOp.Not } not:
                text.Append("not ");
                Write(text, not.Operand, NotLevel);
                break;
            case Unary negate:
                // "-5" would parse as the literal -5 and "--x" as a comment, so such operands get parentheses.
                text.Append('-');
                Write(text, negate.Operand, negate.Operand is Literal or Unary ? PrimaryLevel + 1 : UnaryLevel);
                break;
            case InList list:
                Write(text, list.Value, AdditiveLevel);
                text.Append(list.Negated ? " not in (" : " in (");
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Write(text, list.Items[i], OrLevel);
                }
                text.Append(')');
                break;
            case Between between:
                Write(text, between.Value, AdditiveLevel);
                text.Append(between.Negated ? " not between " : " between ");
                Write(text, between.Low, AdditiveLevel);
                text.Append(" and ");
                Write(text, between.High, AdditiveLevel);
                break;
            case IsNull isNull:
                Write(text, isNull.Value, AdditiveLevel);
                text.Append(isNull.Negated ? " is not null" : " is null");
                break;
            case CaseWhen caseWhen:
                text.Append("case");
                foreach (var branch in caseWhen.Branches)
                {
                    text.Append(" when ");
                    Write(text, branch.When, OrLevel);
                    text.Append(" then ");
                    Write(text, branch.Then, OrLevel);
                }
                text.Append(" else ");
                Write(text, caseWhen.Else, OrLevel);
                text.Append(" end");
                break;
            default:
                throw new ArgumentException($"cannot format a {expr.GetType().Name} node", nameof(expr));
        }
        if (parenthesise) text.Append(')');
    }

    private static int LevelOf(Expr expr) => expr switch
    {
        Binary { Op: BinaryOp.Or } => OrLevel,
        Binary { Op: BinaryOp.And } => AndLevel,
        Binary { Op: BinaryOp.Add or BinaryOp.Subtract } => AdditiveLevel,
        Binary { Op: BinaryOp.Multiply or BinaryOp.Divide } => MultiplicativeLevel,
        Binary or InList or Between or IsNull => PredicateLevel,
        Unary { Op: UnaryOp.Not } => NotLevel,
        Unary => UnaryLevel,
        Literal { Value: decimal d } when d < 0m || (d == 0m && decimal.IsNegative(d)) => UnaryLevel,
        Literal { Value: long l } when l < 0 => UnaryLevel,
        Literal { Value: int i } when i < 0 => UnaryLevel,
        Literal { Value: double d } when d < 0 => UnaryLevel,
        _ => PrimaryLevel,
    };

    private static bool IsComparison(BinaryOp op) => op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less
        or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual;

    /// <summary>The rule-language spelling of an operator (shared with the type checker's messages).</summary>
    internal static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.And => "and",
        BinaryOp.Or => "or",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    private static void WriteAggregate(StringBuilder text, PopulationAggregate aggregate)
    {
        text.Append(aggregate.Function switch
        {
            AggregateFunction.Mean => "mean",
            AggregateFunction.Median => "median",
            AggregateFunction.Min => "min",
            AggregateFunction.Max => "max",
            AggregateFunction.Percentile => "percentile",
            AggregateFunction.TopShare => "top_share",
            _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate.Function, "unknown aggregate function"),
        });
        text.Append('(').Append(Name(aggregate.Column));
        if (aggregate.Argument is { } argument)
            text.Append(", ").Append(argument.ToString(CultureInfo.InvariantCulture));
        text.Append(')');
    }

    /// <summary>A column name as rule text: bare when it is ASCII snake_case and not a keyword, else double-quoted.</summary>
    internal static string Name(string name)
    {
        var bare = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !Lexer.IsKeyword(name);
        return bare ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string FormatLiteral(object? value) => value switch
    {
        null => "null",
        true => "true",
        false => "false",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long or int or short or byte => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        float f when float.IsFinite(f) && Math.Abs(f) < 7.9e27f => ((decimal)f).ToString(CultureInfo.InvariantCulture),
        DateOnly date => "'" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        _ => throw new ArgumentException($"the literal {value} ({value.GetType().Name}) cannot be written in a rule", nameof(value)),
    };
}
