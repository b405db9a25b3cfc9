using Segmenta.Core.Pipelines;

namespace Segmenta.Data.Engines;

/// <summary>
/// Puts customer histories in customer-id order (ordinal), whatever order the engine returned them in: model fits
/// sum over customers in floating point, so a fixed order makes the fitted parameters, and every CLV column, the
/// same on every engine and every run.
/// </summary>
internal static class HistoryOrder
{
    public static CustomerHistories ByCustomerId(List<string> ids, List<double> x, List<double> tx, List<double> t, List<double> m)
    {
        var order = Enumerable.Range(0, ids.Count).ToArray();
        var keys = ids.ToArray();
        Array.Sort(keys, order, StringComparer.Ordinal);
        return new CustomerHistories(keys, [.. order.Select(i => x[i])], [.. order.Select(i => tx[i])], [.. order.Select(i => t[i])], [.. order.Select(i => m[i])]);
    }
}
