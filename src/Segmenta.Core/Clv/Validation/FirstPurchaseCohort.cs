namespace Segmenta.Core.Clv.Validation;

/// <summary>Customers whose first purchase fell on the same day.</summary>
/// <param name="Day">First-purchase day as an offset from the tracking origin (0-based), ≥ 0.</param>
/// <param name="Customers">How many customers made their first purchase that day, ≥ 0.</param>
public readonly record struct FirstPurchaseCohort(int Day, double Customers);
