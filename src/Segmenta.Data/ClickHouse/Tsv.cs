using System.Globalization;
using System.Text;

namespace Segmenta.Data.ClickHouse;

/// <summary>ClickHouse's TabSeparated format: <c>\N</c> is null; backslash escapes tab, newline and backslash in text.</summary>
internal static class Tsv
{
    public const string Null = "\\N";

    /// <summary>Appends one value in TabSeparated form.</summary>
    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                sb.Append(Null);
                break;
            case string s:
                foreach (var c in s)
                {
                    switch (c)
                    {
                        case '\\': sb.Append("\\\\"); break;
                        case '\t': sb.Append("\\t"); break;
                        case '\n': sb.Append("\\n"); break;
                        case '\r': sb.Append("\\r"); break;
                        case '\0': sb.Append("\\0"); break;
                        default: sb.Append(c); break;
                    }
                }
                break;
            case DateOnly d:
                sb.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                sb.Append(dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case double x:
                sb.Append(x.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                sb.Append(b ? '1' : '0');
                break;
            case IFormattable f:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Append(sb, value.ToString());
                break;
        }
    }

    /// <summary>Splits one TabSeparated line into unescaped fields (null for <c>\N</c>).</summary>
    public static string?[] Split(string line)
    {
        var parts = line.Split('\t');
        var fields = new string?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            fields[i] = parts[i] == Null ? null : parts[i].Contains('\\', StringComparison.Ordinal) ? Unescape(parts[i]) : parts[i];
        return fields;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i == s.Length - 1)
            {
                sb.Append(s[i]);
                continue;
            }
            var c = s[++i];
            sb.Append(c switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                '0' => '\0',
                'b' => '\b',
                'f' => '\f',
                _ => c,
            });
        }
        return sb.ToString();
    }
}
