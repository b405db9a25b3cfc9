namespace Segmenta.Data.Import;

/// <summary>
/// What counts as space around a cell value: ASCII space and tab, the no-break space (U+00A0), the ideographic
/// (full-width) space U+3000 typed by Chinese input methods, and U+FEFF, a byte-order mark left in the middle of a file
/// when two exports are pasted together. A value made only of these is empty (a whitespace-only customer id is
/// <c>missing_customer</c>, not a customer called "　").
/// </summary>
internal static class CellSpace
{
    /// <summary>The characters trimmed, as a SQL string literal.</summary>
    public const string Characters = "' \t\u00A0\u3000\uFEFF'";

    /// <summary>
    /// SQL: true when the text may start or end with one of <see cref="Characters"/>. Cheap (first code point and two
    /// suffix tests), so the costly <c>trim</c> runs only on the rows that need it.
    /// </summary>
    public static string MayNeedTrim(string x) =>
        $"(unicode({x}) IN (32, 9, 160, 12288, 65279) OR ends_with({x}, ' ') OR ends_with({x}, '\u3000') OR ends_with({x}, '\t') OR ends_with({x}, '\u00A0'))";

    /// <summary>SQL: the text without surrounding space, NULL when nothing is left.</summary>
    public static string Trimmed(string x) => $"nullif(trim({x}, {Characters}), '')";
}
