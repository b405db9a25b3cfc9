namespace Segmenta.Core.Recommendations;

/// <summary>Purchases (order lines) of one item by the customers of one segment.</summary>
/// <param name="Segment">Segment key.</param>
/// <param name="Item">Product (or category) id.</param>
/// <param name="Purchases">Order lines.</param>
public readonly record struct SegmentItemCount(string Segment, string Item, long Purchases);
