namespace Segmenta.Core.Snapshots.Migration;

/// <summary>
/// Counts of customers by (segment before, segment after), over the customers present in both snapshots. Rows are the
/// segments before, columns the segments after, both in the same order (the scheme's display order, then any other
/// key seen). Row shares divide each count by its row total (the share of a segment's customers that went where).
/// </summary>
/// <param name="Segments">Row and column labels (segment keys).</param>
/// <param name="Counts">Counts[i][j]: customers in Segments[i] before and Segments[j] after.</param>
public sealed record TransitionMatrix(IReadOnlyList<string> Segments, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    /// <summary>Sum of all counts: the customers present in both snapshots.</summary>
    public long Total => Counts.Sum(r => r.Sum());

    /// <summary>Customers on the diagonal (same segment before and after).</summary>
    public long Stayed => Enumerable.Range(0, Segments.Count).Sum(i => Counts[i][i]);

    /// <summary>Row shares: Counts[i][j] / Σⱼ Counts[i][j]; a row without customers is all zero.</summary>
    public IReadOnlyList<IReadOnlyList<double>> RowShares => [.. Counts.Select(row =>
    {
        var total = row.Sum();
        return (IReadOnlyList<double>)[.. row.Select(c => total == 0 ? 0.0 : (double)c / total)];
    })];
}
