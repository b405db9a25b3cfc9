using System.Globalization;
using System.Text;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>Positions in a rule and the "rule …: at column N: … + caret" messages built from them.</summary>
internal static class RuleText
{
    private const int Window = 60;

    /// <summary>1-based line and column (in Unicode code points) of a 0-based UTF-16 index.</summary>
    public static (int Line, int Column) Locate(string rule, int index)
    {
        index = Math.Clamp(index, 0, rule.Length);
        var lineStart = index == 0 ? 0 : rule.LastIndexOf('\n', index - 1) + 1;
        var line = 1;
        for (var i = 0; i < lineStart; i++) if (rule[i] == '\n') line++;
        var column = 1;
        for (var i = lineStart; i < index; i++) if (!char.IsLowSurrogate(rule[i])) column++;
        return (line, column);
    }

    /// <summary>A problem at a 0-based index of the rule.</summary>
    public static ValidationProblem Problem(string rule, int index, string message)
    {
        var (line, column) = Locate(rule, index);
        return new ValidationProblem(message, line, column);
    }

    /// <summary>
    /// The full message: <c>rule "…": at column N: message</c>, then the rule's line and a caret under the column.
    /// Long rules are cut to a window around the problem.
    /// </summary>
    public static string Describe(string rule, int index, string message)
    {
        index = Math.Clamp(index, 0, rule.Length);
        var (line, column) = Locate(rule, index);
        var where = rule.Contains('\n', StringComparison.Ordinal) ? $"line {line}, column {column}" : $"column {column}";
        var lineStart = index == 0 ? 0 : rule.LastIndexOf('\n', index - 1) + 1;
        var lineEnd = rule.IndexOf('\n', index) is var e && e >= 0 ? e : rule.Length;
        var from = Math.Max(lineStart, index - Window);
        var to = Math.Min(lineEnd, index + Window);
        var shown = (from > lineStart ? "…" : "") + rule[from..to].TrimEnd('\r').Replace('\t', ' ') + (to < lineEnd ? "…" : "");
        var caretOffset = (from > lineStart ? 1 : 0) + DisplayWidth(rule.AsSpan(from, index - from));
        return $"rule \"{Shorten(rule)}\": at {where}: {message}{Environment.NewLine}  {shown}{Environment.NewLine}  {new string(' ', caretOffset)}^";
    }

    private static string Shorten(string rule)
    {
        var flat = rule.ReplaceLineEndings(" ");
        return flat.Length <= 2 * Window ? flat : flat[..(2 * Window - 1)] + "…";
    }

    /// <summary>Terminal columns taken by the text: East Asian wide characters take two.</summary>
    private static int DisplayWidth(ReadOnlySpan<char> text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            width += IsWide(rune.Value) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD);
}
