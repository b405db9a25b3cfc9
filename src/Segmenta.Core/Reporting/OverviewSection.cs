namespace Segmenta.Core.Reporting;

/// <summary>The customer base in a few numbers.</summary>
/// <param name="Customers">Customers with at least one transaction up to the as-of date.</param>
/// <param name="Revenue">Their total spend.</param>
/// <param name="Orders">Their orders.</param>
/// <param name="RepeatCustomers">Customers with more than one order.</param>
public sealed record OverviewSection(long Customers, decimal Revenue, long Orders, long RepeatCustomers);
