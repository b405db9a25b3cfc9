using ExcelDataReader;

namespace Segmenta.Data.Import;

/// <summary>
/// Vertically merged cells in the data rows of a sheet (one customer id merged over the rows of its orders, a common
/// way of "grouping" in Chinese ERP exports): Excel stores the value in the top cell only, so the cells below would be
/// read as empty and rejected. They take the top cell's value instead. Merges in the header row are left alone (the
/// extra columns of a header merged across columns stay unnamed and are ignored), as are the non-first columns of a
/// block merged across columns (filling them would copy a value into another column's role).
/// </summary>
internal sealed class MergedCellFill
{
    private readonly ILookup<int, CellRange> _byFirstRow;
    private readonly Dictionary<int, (int LastRow, string? Value)> _active = [];

    public MergedCellFill(CellRange[]? ranges) =>
        _byFirstRow = (ranges ?? []).Where(r => r.FromRow >= 1 && r.ToRow > r.FromRow).ToLookup(r => r.FromRow);

    /// <summary>Cells filled so far.</summary>
    public long Filled { get; private set; }

    /// <summary>The text of cell (<paramref name="row"/>, <paramref name="column"/>), 0-based, given its own text.</summary>
    public string? Fill(int row, int column, string? text)
    {
        if (_byFirstRow.Count == 0)
        {
            return text;
        }

        if (_byFirstRow[row].Any(r => r.FromColumn == column))
        {
            _active[column] = (_byFirstRow[row].First(r => r.FromColumn == column).ToRow, text);
            return text;
        }

        if (text is null && _active.TryGetValue(column, out var fill) && row <= fill.LastRow && fill.Value is not null)
        {
            Filled++;
            return fill.Value;
        }

        return text;
    }
}
