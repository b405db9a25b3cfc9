namespace Segmenta.Core.Ingest;

/// <summary>
/// The accounting of one file load. Invariant: <c>RowsRead == RowsAccepted + RowsRejected</c>, always.
/// Rejected rows are written to the rejects file with their source row number and reason.
/// </summary>
/// <param name="Source">The file (or table) that was read.</param>
/// <param name="RowsRead">Data rows read (the header is not a row).</param>
/// <param name="RowsAccepted">Rows that became transactions (or customers).</param>
/// <param name="RowsRejected">Rows that did not, each with a reason.</param>
/// <param name="RejectedByReason">Rejected rows counted by reason code.</param>
/// <param name="DuplicateRows">Accepted rows that are exact duplicates of an earlier row (reported, kept).</param>
/// <param name="ReturnRows">Rows with a negative amount (returns/refunds), handled by the returns policy.</param>
/// <param name="ColumnMapping">Role → source column header actually used (e.g. customer → 客户编号).</param>
/// <param name="Encoding">Text encoding used to read the file (null for XLSX/Parquet).</param>
/// <param name="RejectsFile">Where rejected rows were written (null when there were none).</param>
public sealed record LoadReport(
    string Source,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    long DuplicateRows,
    long ReturnRows,
    IReadOnlyDictionary<string, string> ColumnMapping,
    string? Encoding,
    string? RejectsFile)
{
    /// <summary>Share of read rows that were rejected (0 when nothing was read).</summary>
    public double RejectRate => RowsRead == 0 ? 0 : (double)RowsRejected / RowsRead;

    /// <summary>
    /// Attribute columns (VARCHAR) present in the loaded table besides the fixed ones, e.g. <c>region</c>,
    /// <c>channel</c> for transactions, or every kept CRM column for customers. Empty when there are none.
    /// </summary>
    public IReadOnlyList<string> AttributeColumns { get; init; } = [];

    /// <summary>Source columns that matched no role and were not loaded (transactions only).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>
    /// Rows whose every cell was empty (blank lines, trailing empty spreadsheet rows). They carry no data,
    /// are not counted in <see cref="RowsRead"/> and are not written to the rejects file.
    /// </summary>
    public long BlankRows { get; init; }

    /// <summary>Rejected rows that do not count against the reject threshold (e.g. returns excluded by policy).</summary>
    public long RowsExcludedByPolicy { get; init; }

    /// <summary>The table that was (re)created, e.g. <c>transactions</c>; null when nothing was written.</summary>
    public string? Table { get; init; }

    /// <summary>Things the user should know that did not reject rows (e.g. undecodable bytes replaced by U+FFFD).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The detected file format: <c>csv</c>, <c>xlsx</c> or <c>parquet</c>; null when unknown.</summary>
    public string? Format { get; init; }
}
