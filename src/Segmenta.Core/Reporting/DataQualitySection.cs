namespace Segmenta.Core.Reporting;

/// <summary>Row accounting of the input and what the features cover.</summary>
/// <param name="Source">The transactions file (or table) that was read.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsAccepted">Rows that became transactions.</param>
/// <param name="RowsRejected">Rows rejected, each with a reason.</param>
/// <param name="RejectedByReason">Rejected rows by reason code (see <c>Segmenta.Core.Ingest.RejectReason</c>).</param>
/// <param name="DuplicateRows">Accepted rows that duplicate an earlier row (kept).</param>
/// <param name="ReturnRows">Rows with a negative amount.</param>
/// <param name="FirstDate">Earliest transaction date used.</param>
/// <param name="LastDate">Latest transaction date used.</param>
/// <param name="TransactionsUsed">Transactions on or before the as-of date.</param>
/// <param name="TransactionsAfterAsOf">Accepted transactions after the as-of date (not used).</param>
public sealed record DataQualitySection(
    string Source,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    long DuplicateRows,
    long ReturnRows,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    long TransactionsUsed,
    long TransactionsAfterAsOf)
{
    /// <summary>Attribute columns and how many customers lack a value; empty when there are no attributes.</summary>
    public IReadOnlyList<AttributeCoverage> MissingAttributes { get; init; } = [];
}

/// <summary>An attribute column and how many customers have no value in it.</summary>
/// <param name="Column">Column name, e.g. <c>region</c>.</param>
/// <param name="Missing">Customers without a value.</param>
/// <param name="Customers">All customers.</param>
public sealed record AttributeCoverage(string Column, long Missing, long Customers);
