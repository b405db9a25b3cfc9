using Segmenta.Core.Synthetic;

namespace Segmenta.Data.Synthetic;

/// <summary>What the generator wrote: the facts that also go into the truth JSON.</summary>
/// <param name="Plan">Number of customers and expected rows per customer, decided before simulating.</param>
/// <param name="Rows">Transaction rows written.</param>
/// <param name="Customers">Customers simulated (every one has at least one transaction).</param>
/// <param name="CustomersWithRepeat">Customers with at least one repeat purchase (order, not distinct day).</param>
/// <param name="CustomersAliveAtAsOf">Customers that had not dropped out by the end of the as-of day.</param>
/// <param name="TotalAmountCents">Sum of all amounts, in cents.</param>
public sealed record SyntheticSummary(
    SyntheticPlan Plan,
    long Rows,
    int Customers,
    int CustomersWithRepeat,
    int CustomersAliveAtAsOf,
    long TotalAmountCents)
{
    /// <summary>Interaction rows written (industry profiles only).</summary>
    public long InteractionRows { get; init; }

    /// <summary>Survey answer rows written (industry profiles only).</summary>
    public long SurveyRows { get; init; }

    /// <summary>Sum of all amounts.</summary>
    public decimal TotalAmount => TotalAmountCents / 100m;
}
