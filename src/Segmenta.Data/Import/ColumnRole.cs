namespace Segmenta.Data.Import;

/// <summary>What a source column means, the name of the column it becomes, and the headers that name it.</summary>
/// <param name="Name">The role name used by <c>--map</c> (e.g. <c>customer</c>).</param>
/// <param name="Column">The column it becomes in the loaded table (e.g. <c>customer_id</c>).</param>
/// <param name="Synonyms">Headers that name it, best first, already normalised (see <see cref="HeaderText.Normalize"/>).</param>
/// <param name="LastResort">Headers used only when no synonym matched (e.g. 客户名称 for the customer).</param>
internal sealed record ColumnRole(string Name, string Column, IReadOnlyList<string> Synonyms, IReadOnlyList<string> LastResort)
{
    /// <summary>True for VARCHAR attributes (region, channel …) that transactions carry when present.</summary>
    public bool IsAttribute => ColumnRoles.Attributes.Contains(this);
}
