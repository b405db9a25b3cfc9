namespace Segmenta.Data.Import;

/// <summary>One validation rule of the parse query: rows matching <see cref="Condition"/> are rejected with <see cref="Code"/>.</summary>
/// <param name="Code">Reason code (see <c>RejectReason</c>), or <c>blank</c> for rows with no data.</param>
/// <param name="Condition">SQL condition over the parsed columns and the raw <c>cN</c> columns.</param>
/// <param name="Column">The source column it concerns, or null.</param>
internal sealed record RowCheck(string Code, string Condition, MappedColumn? Column)
{
    /// <summary>Internal code of rows whose every cell is empty; they are not data and not counted as read.</summary>
    public const string Blank = "blank";
}
