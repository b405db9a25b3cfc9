namespace Segmenta.Core.Pipelines;

/// <summary>One segment's size and value.</summary>
/// <param name="Segment">Segment key.</param>
/// <param name="Customers">Customers in the segment.</param>
/// <param name="Revenue">Their total spend.</param>
/// <param name="MeanRecencyDays">Mean days since last purchase.</param>
/// <param name="MeanOrders">Mean number of orders.</param>
/// <param name="MeanMonetary">Mean total spend.</param>
public sealed record SegmentStats(
    string Segment,
    long Customers,
    decimal Revenue,
    double MeanRecencyDays,
    double MeanOrders,
    double MeanMonetary);
