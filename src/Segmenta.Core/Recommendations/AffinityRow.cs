namespace Segmenta.Core.Recommendations;

/// <summary>How much more (or less) a segment buys an item than everyone does.</summary>
/// <param name="Segment">Segment key.</param>
/// <param name="Item">Product id.</param>
/// <param name="SegmentPurchases">The segment's purchases of the item.</param>
/// <param name="SegmentShare">Share of the segment's purchases that are this item.</param>
/// <param name="OverallShare">Share of all purchases that are this item.</param>
/// <param name="Lift">SegmentShare ÷ OverallShare (1 = as popular as everywhere).</param>
public sealed record AffinityRow(string Segment, string Item, long SegmentPurchases, double SegmentShare, double OverallShare, double Lift);
