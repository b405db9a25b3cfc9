namespace Segmenta.Data.Import;

/// <summary>
/// One validation rule of the parse query: rows matching <see cref="Condition"/> are rejected with the code
/// <see cref="CodeSql"/> gives, one of <see cref="Codes"/>. Put the cheap test (a NULL parse result) in the
/// condition; finer distinctions (empty or malformed) in <see cref="CodeSql"/>, so they cost nothing for good rows.
/// </summary>
/// <param name="Condition">SQL condition over the parsed columns and the raw <c>cN</c> columns.</param>
/// <param name="CodeSql">SQL giving the reason code of a matching row.</param>
/// <param name="Codes">The codes <see cref="CodeSql"/> can give, each with the source column it concerns (or null).</param>
internal sealed record RowCheck(string Condition, string CodeSql, IReadOnlyList<(string Code, MappedColumn? Column)> Codes)
{
    /// <summary>Internal code of rows whose every cell is empty; they are not data and not counted as read.</summary>
    public const string Blank = "blank";

    /// <summary>A check giving a single code.</summary>
    public static RowCheck Simple(string code, string condition, MappedColumn? column) =>
        new(condition, $"'{code}'", [(code, column)]);

    /// <summary>A check on a required value: <paramref name="missing"/> when the raw text is blank, else <paramref name="bad"/>.</summary>
    public static RowCheck Required(string missing, string bad, string condition, string raw, MappedColumn? column) =>
        new(condition, $"CASE WHEN {ValueSql.IsBlank(raw)} THEN '{missing}' ELSE '{bad}' END", [(missing, column), (bad, column)]);
}
