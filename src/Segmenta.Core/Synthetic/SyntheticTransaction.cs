namespace Segmenta.Core.Synthetic;

/// <summary>One row of the synthetic transaction log.</summary>
/// <param name="OrderId">Order id: 1 .. rows, in log order.</param>
/// <param name="Customer">Zero-based customer index (customer id C0000001 is index 0).</param>
/// <param name="Day">Order day, counted from <see cref="SyntheticCalendar.WindowStart"/> (0 .. 1095).</param>
/// <param name="AmountCents">Amount in cents (at least 1).</param>
/// <param name="Product">Zero-based product index (product id P00001 is index 0).</param>
public readonly record struct SyntheticTransaction(long OrderId, int Customer, int Day, long AmountCents, int Product)
{
    /// <summary>The order date.</summary>
    public DateOnly OrderDate => SyntheticCalendar.ToDate(Day);

    /// <summary>The amount as money (two decimals).</summary>
    public decimal Amount => AmountCents / 100m;
}
