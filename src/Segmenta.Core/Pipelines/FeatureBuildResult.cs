namespace Segmenta.Core.Pipelines;

/// <summary>The outcome of building the per-customer features.</summary>
/// <param name="AsOf">The as-of date used (the last day included).</param>
/// <param name="Customers">Customers with at least one transaction on or before the as-of date.</param>
/// <param name="TransactionsUsed">Transactions on or before the as-of date.</param>
/// <param name="TransactionsAfterAsOf">Accepted transactions after the as-of date, not used (reported, never silently dropped).</param>
/// <param name="FirstDate">Earliest transaction date used.</param>
/// <param name="LastDate">Latest transaction date used.</param>
/// <param name="Columns">Columns of the feature table, in order.</param>
public sealed record FeatureBuildResult(
    DateOnly AsOf,
    long Customers,
    long TransactionsUsed,
    long TransactionsAfterAsOf,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    IReadOnlyList<string> Columns);
