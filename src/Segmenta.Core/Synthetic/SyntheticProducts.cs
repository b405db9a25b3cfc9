namespace Segmenta.Core.Synthetic;

/// <summary>
/// Product categories of the synthetic catalogue and which categories each industry prefers (the planted segment
/// structure of <see cref="SyntheticOptions.ProductAffinity"/>). Product index i (id P{i+1}) is in category
/// <c>Categories[i mod 12]</c>; industry g (index into <see cref="SyntheticAttributes.Industries"/>) prefers
/// categories 2g and 2g + 1.
/// </summary>
public static class SyntheticProducts
{
    /// <summary>The twelve categories.</summary>
    public static IReadOnlyList<string> Categories { get; } =
    [
        "Solvents", "Coatings", "Adhesives", "Pigments", "Reagents", "Lab supplies",
        "Excipients", "Packaging", "Cleaning", "Lubricants", "Fertilisers", "Plastics",
    ];

    /// <summary>The category index of product index <paramref name="product"/>.</summary>
    public static int CategoryOf(int product) => product % Categories.Count;

    /// <summary>The category indices industry <paramref name="industry"/> prefers.</summary>
    public static IReadOnlyList<int> PreferredCategories(int industry) =>
        [(2 * industry) % Categories.Count, ((2 * industry) + 1) % Categories.Count];
}
