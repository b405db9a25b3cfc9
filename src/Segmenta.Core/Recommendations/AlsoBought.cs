namespace Segmenta.Core.Recommendations;

/// <summary>"Customers who bought <see cref="Item"/> also bought <see cref="Other"/>".</summary>
/// <param name="Item">The product bought.</param>
/// <param name="Rank">1 = the strongest companion of <paramref name="Item"/>.</param>
/// <param name="Other">The companion product.</param>
/// <param name="Both">Customers who bought both.</param>
/// <param name="Cosine">Both ÷ √(buyers of Item × buyers of Other).</param>
/// <param name="Lift">Both × customers ÷ (buyers of Item × buyers of Other).</param>
public sealed record AlsoBought(string Item, int Rank, string Other, long Both, double Cosine, double Lift);
