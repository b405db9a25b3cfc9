using System.Globalization;
using System.Text;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes.Reasons;

/// <summary>
/// Writes a rule with one customer's values in it, so a person sees why the customer is in a segment:
/// <c>monetary_total 1,234.5 ≥ p90 980.2 and tenure_days 800 &gt; 730</c>. Every column is followed by the customer's
/// value, every population statistic by the value it had in the run; of an <c>or</c> only the parts that hold are
/// shown. Numbers use invariant digits with thousands separators and at most 4 decimals.
/// </summary>
public static class ReasonFormatter
{
    /// <summary>The rule with values filled in.</summary>
    /// <param name="rule">A condition (parsed rule or plan condition).</param>
    /// <param name="row">The customer's columns.</param>
    /// <param name="aggregateValue">The value of a population statistic in the run, or null when unknown.</param>
    /// <param name="segmentReason">
    /// For a test <c>column = 'key'</c> on another scheme's segment column: that scheme's reason for the key, shown in
    /// brackets after it (<c>rfm_segment = 'champions' [rfm_r 5 ≥ 4 and …]</c>); null when the column is not a segment column.
    /// </param>
    public static string Format(Expr rule, Func<string, object?> row, Func<PopulationAggregate, decimal?>? aggregateValue = null,
        Func<string, string, string?>? segmentReason = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(row);
        var text = new StringBuilder();
        new Writer(row, aggregateValue ?? (_ => null), segmentReason ?? ((_, _) => null)).Condition(text, rule);
        return text.ToString();
    }

    /// <summary>The reason of the segment that takes everyone no rule matched.</summary>
    public static string Otherwise(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "不满足前面任一分群的规则（默认分群）" : "none of the earlier segments' rules matched (default segment)";

    /// <summary>The column names a rule reads, in order of first use.</summary>
    public static IReadOnlyList<string> Columns(Expr rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return [.. ExprTree.PreOrder(rule).OfType<ColumnRef>().Select(c => c.Name).Distinct(StringComparer.Ordinal)];
    }

    private sealed class Writer(Func<string, object?> row, Func<PopulationAggregate, decimal?> agg, Func<string, string, string?> segmentReason)
    {
        public void Condition(StringBuilder text, Expr e)
        {
            switch (e)
            {
                case Binary { Op: BinaryOp.And } and:
                    Part(text, and.Left, BinaryOp.And);
                    text.Append(" and ");
                    Part(text, and.Right, BinaryOp.And);
                    break;
                case Binary { Op: BinaryOp.Or }:
                    var parts = Flatten(e).ToList();
                    var holding = parts.Where(p => Holds(p)).ToList();
                    var shown = holding.Count > 0 ? holding : parts;
                    for (var i = 0; i < shown.Count; i++)
                    {
                        if (i > 0) text.Append(" or ");
                        Part(text, shown[i], BinaryOp.Or);
                    }
                    break;
                case Unary { Op: UnaryOp.Not } not:
                    text.Append("not (");
                    Condition(text, not.Operand);
                    text.Append(')');
                    break;
                case Binary { Op: BinaryOp.Equal, Left: ColumnRef column, Right: Literal { Value: string key } }
                    when segmentReason(column.Name, key) is { } nested:
                    text.Append(RuleFormatter.Name(column.Name)).Append(" = ").Append(Value(key)).Append(" [").Append(nested).Append(']');
                    break;
                case Binary comparison when Symbol(comparison.Op) is { } symbol:
                    var other = comparison.Left is ColumnRef l ? l.Name : comparison.Right is ColumnRef r ? r.Name : null;
                    Operand(text, comparison.Left, other);
                    text.Append(' ').Append(symbol).Append(' ');
                    Operand(text, comparison.Right, other);
                    break;
                case InList list:
                    Operand(text, list.Value, null);
                    text.Append(list.Negated ? " not in (" : " in (");
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (i > 0) text.Append(", ");
                        Operand(text, list.Items[i], null);
                    }
                    text.Append(')');
                    break;
                case Between between:
                    Operand(text, between.Value, null);
                    text.Append(between.Negated ? " not between " : " between ");
                    Operand(text, between.Low, null);
                    text.Append(" and ");
                    Operand(text, between.High, null);
                    break;
                case IsNull { Value: ColumnRef c } isNull:
                    text.Append(RuleFormatter.Name(c.Name));
                    if (isNull.Negated) text.Append(' ').Append(Value(row(c.Name))).Append(" is not null");
                    else text.Append(" is null");
                    break;
                case Literal { Value: true }:
                    text.Append("true");
                    break;
                default:
                    text.Append(RuleFormatter.Format(e));
                    break;
            }
        }

        private void Part(StringBuilder text, Expr e, BinaryOp parent)
        {
            var wrap = e is Binary { Op: BinaryOp.Or } && parent == BinaryOp.And;
            if (wrap) text.Append('(');
            Condition(text, e);
            if (wrap) text.Append(')');
        }

        private static IEnumerable<Expr> Flatten(Expr e) =>
            e is Binary { Op: BinaryOp.Or } or ? Flatten(or.Left).Concat(Flatten(or.Right)) : [e];

        private bool Holds(Expr e)
        {
            try
            {
                return ExprEvaluator.EvaluateCondition(e, row) == true;
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException)
            {
                return false;
            }
        }

        private void Operand(StringBuilder text, Expr e, string? comparedColumn)
        {
            switch (e)
            {
                case ColumnRef c:
                    text.Append(RuleFormatter.Name(c.Name)).Append(' ').Append(Value(row(c.Name)));
                    break;
                case Literal l:
                    text.Append(Value(l.Value));
                    break;
                case PopulationAggregate a:
                    text.Append(AggregateName(a, comparedColumn));
                    if (agg(a) is { } v) text.Append(' ').Append(Value(v));
                    break;
                case Binary b when Arithmetic(b.Op) is { } op:
                    Nested(text, b.Left);
                    text.Append(' ').Append(op).Append(' ');
                    Nested(text, b.Right);
                    break;
                case Unary { Op: UnaryOp.Negate } n:
                    text.Append('-');
                    Nested(text, n.Operand);
                    break;
                default:
                    text.Append(RuleFormatter.Format(e));
                    break;
            }
        }

        private void Nested(StringBuilder text, Expr e)
        {
            var wrap = e is Binary b && Arithmetic(b.Op) is not null;
            if (wrap) text.Append('(');
            Operand(text, e, null);
            if (wrap) text.Append(')');
        }
    }

    private static string AggregateName(PopulationAggregate a, string? comparedColumn)
    {
        var column = a.Column == comparedColumn ? "" : "(" + RuleFormatter.Name(a.Column) + ")";
        return a.Function switch
        {
            AggregateFunction.Percentile when a.Argument is { } p && p * 100 == decimal.Truncate(p * 100) =>
                "p" + (p * 100).ToString("0", CultureInfo.InvariantCulture) + column,
            AggregateFunction.Mean => "mean" + column,
            AggregateFunction.Median => "median" + column,
            AggregateFunction.Min => "min" + column,
            AggregateFunction.Max => "max" + column,
            _ => RuleFormatter.Format(a),
        };
    }

    private static string? Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "≠",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "≤",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => "≥",
        _ => null,
    };

    private static string? Arithmetic(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "×",
        BinaryOp.Divide => "÷",
        _ => null,
    };

    /// <summary>A value as shown in a reason: numbers with thousands separators and at most 4 decimals, text in quotes, null as "null".</summary>
    public static string Value(object? value) => value switch
    {
        null or DBNull => "null",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        decimal d => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        float f when float.IsFinite(f) => f.ToString("#,##0.####", CultureInfo.InvariantCulture),
        long or int or short or byte or sbyte or ushort or uint or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
