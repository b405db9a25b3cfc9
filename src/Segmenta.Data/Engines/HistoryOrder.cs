using Segmenta.Core.Pipelines;

namespace Segmenta.Data.Engines;

/// <summary>
/// Puts customer histories in customer-id order (ordinal), whatever order the engine returned them in: model fits
/// sum over customers in floating point, so a fixed order makes the fitted parameters, and every CLV column, the
/// same on every engine and every run.
/// </summary>
internal static class HistoryOrder
{
    /// <summary>The histories sorted by customer id, every array (the optional profitability ones too) in the same order.</summary>
    public static CustomerHistories ByCustomerId(CustomerHistories histories)
    {
        var order = Enumerable.Range(0, histories.CustomerIds.Count).ToArray();
        var keys = histories.CustomerIds.ToArray();
        Array.Sort(keys, order, StringComparer.Ordinal);
        double[]? Sorted(double[]? values) => values is null ? null : [.. order.Select(i => values[i])];
        return new CustomerHistories(keys, Sorted(histories.Frequency)!, Sorted(histories.FirstToLastDays)!, Sorted(histories.TenureDays)!, Sorted(histories.RepeatMonetaryMean)!)
        {
            Revenue = Sorted(histories.Revenue),
            GrossMargin = Sorted(histories.GrossMargin),
            ContactCost90d = Sorted(histories.ContactCost90d),
        };
    }
}
