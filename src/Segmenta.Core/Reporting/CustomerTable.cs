namespace Segmenta.Core.Reporting;

/// <summary>
/// Every customer with their features and segments, read lazily (it may hold millions of rows): <see cref="Rows"/>
/// opens a fresh pass each time it is enumerated. Segment columns hold keys; renderers show labels and actions.
/// </summary>
/// <param name="Columns">Columns in order.</param>
/// <param name="RowCount">Number of rows <see cref="Rows"/> yields.</param>
/// <param name="Rows">The rows; values are string, long, double, decimal, DateOnly or null, in <see cref="Columns"/> order.</param>
public sealed record CustomerTable(IReadOnlyList<CustomerColumn> Columns, long RowCount, Func<IEnumerable<object?[]>> Rows);

/// <summary>A column of the customer table.</summary>
/// <param name="Name">Column name, e.g. <c>rfm_segment</c>.</param>
/// <param name="Scheme">For a segment column, its scheme name (labels and actions are looked up there); else null.</param>
public sealed record CustomerColumn(string Name, string? Scheme = null);
