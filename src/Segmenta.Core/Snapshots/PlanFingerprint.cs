using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Snapshots;

/// <summary>
/// A stable hash of what a <see cref="SchemePlan"/> computes: its derived columns (expression trees written in a
/// canonical prefix form), segment column, segment keys and population parameters. Two runs whose plans hash the same
/// assigned segments by the same rule, so a snapshot records exactly which version of a scheme produced it.
/// </summary>
public static class PlanFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the canonical text of <paramref name="plan"/>.</summary>
    public static string Compute(SchemePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(plan))));
    }

    /// <summary>The canonical text that is hashed (one line per item).</summary>
    public static string CanonicalText(SchemePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        sb.Append("scheme ").Append(plan.Scheme).Append('\n');
        sb.Append("segment_column ").Append(plan.SegmentColumn).Append('\n');
        for (var i = 0; i < plan.Layers.Count; i++)
        {
            foreach (var column in plan.Layers[i])
            {
                sb.Append("layer ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(column.Name).Append(" = ");
                Write(sb, column.Expression);
                sb.Append('\n');
            }
        }
        sb.Append("segments ").Append(string.Join(",", plan.Segments.Select(s => s.Key))).Append('\n');
        foreach (var (name, values) in plan.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append("param ").Append(name).Append(" = ").Append(string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case ColumnRef c:
                sb.Append("col(").Append(c.Name).Append(')');
                break;
            case Literal l:
                sb.Append("lit(").Append(l.Value switch
                {
                    null => "null",
                    string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + ":" + l.Value.GetType().Name,
                    var other => other.ToString(),
                }).Append(')');
                break;
            case Binary b:
                sb.Append(b.Op).Append('(');
                Write(sb, b.Left);
                sb.Append(',');
                Write(sb, b.Right);
                sb.Append(')');
                break;
            case Unary u:
                sb.Append(u.Op).Append('(');
                Write(sb, u.Operand);
                sb.Append(')');
                break;
            case InList list:
                sb.Append(list.Negated ? "notin(" : "in(");
                Write(sb, list.Value);
                foreach (var item in list.Items)
                {
                    sb.Append(',');
                    Write(sb, item);
                }
                sb.Append(')');
                break;
            case Between between:
                sb.Append(between.Negated ? "notbetween(" : "between(");
                Write(sb, between.Value);
                sb.Append(',');
                Write(sb, between.Low);
                sb.Append(',');
                Write(sb, between.High);
                sb.Append(')');
                break;
            case IsNull isNull:
                sb.Append(isNull.Negated ? "notnull(" : "isnull(");
                Write(sb, isNull.Value);
                sb.Append(')');
                break;
            case CaseWhen c:
                sb.Append("case(");
                foreach (var branch in c.Branches)
                {
                    sb.Append("when(");
                    Write(sb, branch.When);
                    sb.Append(',');
                    Write(sb, branch.Then);
                    sb.Append("),");
                }
                sb.Append("else(");
                Write(sb, c.Else);
                sb.Append("))");
                break;
            default:
                // Node kinds added later (functions, aggregates) hash by their record text, which lists their values.
                sb.Append(e.GetType().Name).Append('(').Append(e.ToString()).Append(')');
                break;
        }
    }
}
