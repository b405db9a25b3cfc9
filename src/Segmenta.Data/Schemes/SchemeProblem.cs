using System.Globalization;

namespace Segmenta.Data.Schemes;

/// <summary>One problem of a scheme file, shown as one line <c>FILE:LINE:COL: message — fix</c>.</summary>
/// <param name="Source">The file (as the user named it) or <c>preset:NAME</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record SchemeProblem(string Source, int Line, int Column, string Message)
{
    /// <summary>The problem as one line, e.g. <c>schemes/vip.yaml:7:11: segments[0].when: unknown column "monetary_totl"; did you mean "monetary_total"?</c></summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}: {Message.ReplaceLineEndings(" ")}");
}
