using Segmenta.Core.Clv;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// What <c>--clv</c> needs from the feature table, aggregated inside the engine: no customer id, no per-customer row.
/// </summary>
/// <param name="Histories">
/// The distinct (frequency, first_to_last_days, tenure_days) cells in <b>days</b> with their customer counts (the BG/NBD
/// sufficient statistic, eq. (6) of Fader, Hardie &amp; Lee 2005 depends on a customer only through (x, tₓ, T)).
/// </param>
/// <param name="Spend">
/// The distinct (x, m̄ₓ) cells of the repeat buyers with m̄ₓ &gt; 0 and their counts (the Gamma-Gamma likelihood, Fader &amp;
/// Hardie 2013 eq. (4), depends on a customer only through (x, m̄ₓ)), in the order of each cell's first customer id
/// (ordinal), the order in which the per-customer path meets them, so both fits sum the same terms in the same order.
/// </param>
/// <param name="Profit">Σ gross_margin and Σ monetary_total over the customers with a gross margin and revenue &gt; 0; null when the feature table has no gross_margin.</param>
public sealed record ClvCells(IReadOnlyList<HistoryCell> Histories, IReadOnlyList<SpendHistory> Spend, (double Margin, double Revenue)? Profit)
{
    /// <summary>Rows the engine returned for these cells (history cells + spend cells + the profit sums).</summary>
    public int Rows => Histories.Count + Spend.Count + (Profit is null ? 0 : 1);
}
