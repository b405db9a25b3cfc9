namespace Segmenta.Core.Reporting;

/// <summary>The cumulative revenue (Lorenz / Pareto) curve with the A/B/C cuts.</summary>
/// <param name="Curve">Points from (0, 0) to (1, 1): share of customers (largest first) → share of revenue.</param>
/// <param name="ALimit">Revenue share that ends class A (e.g. 0.80).</param>
/// <param name="BLimit">Revenue share that ends class B (e.g. 0.95).</param>
/// <param name="Classes">Each class's share of customers and of revenue.</param>
public sealed record ParetoSection(IReadOnlyList<ParetoPoint> Curve, double ALimit, double BLimit, IReadOnlyList<AbcShare> Classes);

/// <summary>A point of the curve.</summary>
/// <param name="CustomerShare">Share of customers, largest spenders first (0 … 1).</param>
/// <param name="RevenueShare">Their share of revenue (0 … 1).</param>
public sealed record ParetoPoint(double CustomerShare, double RevenueShare);

/// <summary>One ABC class.</summary>
/// <param name="Class">A, B or C.</param>
/// <param name="Customers">Customers.</param>
/// <param name="CustomerShare">Share of customers.</param>
/// <param name="RevenueShare">Share of revenue.</param>
public sealed record AbcShare(string Class, long Customers, double CustomerShare, double RevenueShare);
