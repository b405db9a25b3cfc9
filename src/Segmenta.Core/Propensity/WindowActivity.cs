namespace Segmenta.Core.Propensity;

/// <summary>What each customer bought in a window (after one date, through another): only customers who bought appear.</summary>
/// <param name="CustomerIds">Customers with at least one transaction in the window.</param>
/// <param name="PurchaseDays">Distinct purchase days in the window.</param>
/// <param name="Revenue">Revenue in the window (returns netted).</param>
public sealed record WindowActivity(IReadOnlyList<string> CustomerIds, double[] PurchaseDays, double[] Revenue);
