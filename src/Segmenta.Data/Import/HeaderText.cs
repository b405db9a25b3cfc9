using System.Globalization;
using System.Text;

namespace Segmenta.Data.Import;

/// <summary>Header normalisation, SQL-safe column names and edit distance for "did you mean" hints.</summary>
internal static class HeaderText
{
    /// <summary>
    /// Trims, folds full-width forms to half-width (Unicode NFKC), lower-cases (invariant) and joins words with
    /// underscores, so <c>" Order Date"</c>, <c>"ORDER-DATE"</c> and <c>"ｏｒｄｅｒ＿ｄａｔｅ"</c> all become <c>order_date</c>.
    /// </summary>
    public static string Normalize(string header)
    {
        var folded = header.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var pendingSeparator = false;
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || ch is '-' or '_')
            {
                pendingSeparator = sb.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                sb.Append('_');
                pendingSeparator = false;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A column name for a kept customer attribute: ASCII headers become snake_case (<c>"Member Level"</c> →
    /// <c>member_level</c>); other headers keep their normalised text (<c>会员等级</c>), which is always quoted in SQL.
    /// </summary>
    public static string ToColumnName(string header, int index)
    {
        var normalized = Normalize(header);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            sb.Append(char.IsLetterOrDigit(ch) ? ch : '_');
        }

        var name = sb.ToString().Trim('_');
        if (name.Length == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"column_{index + 1}");
        }

        return char.IsDigit(name[0]) ? "c_" + name : name;
    }

    /// <summary>Quotes an identifier for DuckDB.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quotes a string literal for DuckDB.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
