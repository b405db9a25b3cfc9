namespace Segmenta.Core.Clv.Validation;

/// <summary>One bar of the calibration-period histogram of repeat purchases (FHL 2005, Fig. 1).</summary>
/// <param name="Purchases">Repeat purchases k; the last bin holds every customer with k or more.</param>
/// <param name="IsOpenEnded">Whether this is the "k+" bin.</param>
/// <param name="ActualCustomers">Customers observed with k repeat purchases (sum of weights).</param>
/// <param name="ModelCustomers">Model: Σ over customers of P(X(Tᵢ) = k) (for the open bin, 1 − Σ of the others).</param>
public sealed record PurchaseCountBin(int Purchases, bool IsOpenEnded, double ActualCustomers, double ModelCustomers)
{
    /// <summary>The bin label: "3" or "7+".</summary>
    public string Label => IsOpenEnded ? $"{Purchases}+" : Purchases.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
