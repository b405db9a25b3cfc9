namespace Segmenta.Data.Import;

/// <summary>A source column that fills a role.</summary>
/// <param name="Role">The role.</param>
/// <param name="Index">Zero-based position of the column in the file.</param>
/// <param name="Header">The header as written in the file.</param>
internal sealed record MappedColumn(ColumnRole Role, int Index, string Header);

/// <summary>A source column kept as a VARCHAR attribute (customers only).</summary>
/// <param name="Index">Zero-based position of the column in the file.</param>
/// <param name="Header">The header as written in the file.</param>
/// <param name="Column">The unique column name in the loaded table.</param>
/// <param name="IsNumber">Every non-empty value is a plain number, so the column is loaded as DOUBLE (see <see cref="ValueSql.PlainNumber"/>).</param>
internal sealed record ExtraColumn(int Index, string Header, string Column, bool IsNumber = false);

/// <summary>How the file's columns map onto the loaded table.</summary>
/// <param name="Mapped">Columns that fill a role, in role order.</param>
/// <param name="Extras">Other columns kept (customers only).</param>
/// <param name="Ignored">Headers of the columns not loaded (transactions only).</param>
internal sealed record ColumnPlan(IReadOnlyList<MappedColumn> Mapped, IReadOnlyList<ExtraColumn> Extras, IReadOnlyList<string> Ignored)
{
    /// <summary>The column filling <paramref name="role"/>, or null.</summary>
    public MappedColumn? For(ColumnRole role) => Mapped.FirstOrDefault(m => m.Role == role);
}
