namespace Segmenta.Core.Campaigns;

/// <summary>Treated vs control on one metric in one group of customers (all, or one segment).</summary>
/// <param name="Segment">Segment, or <c>*</c> for all customers.</param>
/// <param name="Metric">Metric name (see <see cref="CampaignEvaluation"/>).</param>
/// <param name="Window">Treated vs control in the window.</param>
/// <param name="DifferenceInDifferences">Welch interval on each customer's (window − pre-period) change; null when not defined for the metric.</param>
public sealed record MetricEffect(string Segment, string Metric, WelchInterval Window, WelchInterval? DifferenceInDifferences);

/// <summary>
/// Effect of a campaign with a randomised control group, over a window of w days after the start, per segment:
/// <list type="bullet">
/// <item><c>purchase_rate</c>: share of customers with at least one order in the window (a 0/1 outcome per customer);</item>
/// <item><c>orders_per_customer</c>: mean orders in the window;</item>
/// <item><c>revenue_per_customer</c>: mean revenue in the window;</item>
/// <item><c>retention</c>: among customers who ordered in the pre-period, the share who order again in the window.</item>
/// </list>
/// Each metric gets treated and control means, the difference with Welch's 95 % interval and the relative lift with a
/// delta-method interval (<see cref="WelchInterval"/>). The difference-in-differences readout compares each customer's
/// change from the pre-period [start − w, start) to the window: DiD = mean₁(post − pre) − mean₂(post − pre), with the
/// Welch interval over those per-customer changes (Angrist &amp; Pischke 2009, <i>Mostly Harmless Econometrics</i>, §5.2;
/// with random assignment DiD and the plain difference estimate the same effect, DiD removing pre-existing gaps).
/// </summary>
public static class CampaignEvaluation
{
    /// <summary>Metric names.</summary>
    public const string PurchaseRate = "purchase_rate", OrdersPerCustomer = "orders_per_customer", RevenuePerCustomer = "revenue_per_customer", Retention = "retention";

    /// <summary>The segment key of the all-customers row.</summary>
    public const string AllSegments = "*";

    /// <summary>Every metric overall, then per segment (segments with fewer than two customers in a group are left out).</summary>
    public static IReadOnlyList<MetricEffect> Evaluate(IReadOnlyList<CampaignCustomer> customers, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var result = new List<MetricEffect>();
        result.AddRange(Group(AllSegments, customers, confidence));
        foreach (var segment in customers.Select(c => c.Segment).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            result.AddRange(Group(segment, [.. customers.Where(c => c.Segment == segment)], confidence));
        return result;
    }

    private static IEnumerable<MetricEffect> Group(string segment, IReadOnlyList<CampaignCustomer> customers, double confidence)
    {
        var treated = customers.Where(c => c.Treated).ToList();
        var control = customers.Where(c => !c.Treated).ToList();
        if (treated.Count < 2 || control.Count < 2) yield break;
        yield return Effect(segment, PurchaseRate, treated, control, c => c.Orders > 0 ? 1 : 0, c => c.PreOrders > 0 ? 1 : 0, confidence);
        yield return Effect(segment, OrdersPerCustomer, treated, control, c => c.Orders, c => c.PreOrders, confidence);
        yield return Effect(segment, RevenuePerCustomer, treated, control, c => (double)c.Revenue, c => (double)c.PreRevenue, confidence);
        var t = treated.Where(c => c.PreOrders > 0).ToList();
        var k = control.Where(c => c.PreOrders > 0).ToList();
        if (t.Count >= 2 && k.Count >= 2)
            yield return new MetricEffect(segment, Retention, WelchInterval.Compute([.. t.Select(c => c.Orders > 0 ? 1.0 : 0.0)], [.. k.Select(c => c.Orders > 0 ? 1.0 : 0.0)], confidence), null);
    }

    private static MetricEffect Effect(
        string segment, string metric, List<CampaignCustomer> treated, List<CampaignCustomer> control,
        Func<CampaignCustomer, double> post, Func<CampaignCustomer, double> pre, double confidence) =>
        new(segment, metric,
            WelchInterval.Compute([.. treated.Select(post)], [.. control.Select(post)], confidence),
            WelchInterval.Compute([.. treated.Select(c => post(c) - pre(c))], [.. control.Select(c => post(c) - pre(c))], confidence));
}
