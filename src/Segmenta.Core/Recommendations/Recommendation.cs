namespace Segmenta.Core.Recommendations;

/// <summary>One recommended item for a customer.</summary>
/// <param name="Rank">1 = best.</param>
/// <param name="Item">Product id.</param>
/// <param name="Score">
/// For a segment item: its share of the segment's purchases, P(item | segment); for a popularity fill: its share of
/// all purchases. Both estimate how likely a purchase of this segment's customers is this item.
/// </param>
/// <param name="Lift">The item's lift in the segment (1 for a popularity fill in a segment without data).</param>
/// <param name="FromSegment">True when it came from the segment's high-lift items, false when it fills up from overall popularity.</param>
public sealed record Recommendation(int Rank, string Item, double Score, double Lift, bool FromSegment);
