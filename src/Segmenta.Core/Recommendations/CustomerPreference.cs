namespace Segmenta.Core.Recommendations;

/// <summary>A customer's category (product family) mix and preference type.</summary>
/// <param name="Customer">Customer id.</param>
/// <param name="Purchases">Order lines with a category.</param>
/// <param name="TopCategory">The most bought category (ties: the alphabetically first).</param>
/// <param name="TopShare">Its share of the customer's purchases.</param>
/// <param name="Mix">Every category with its share, largest first.</param>
public sealed record CustomerPreference(string Customer, long Purchases, string TopCategory, double TopShare, IReadOnlyList<(string Category, double Share)> Mix)
{
    /// <summary>A category with at least this share of a customer's purchases is the customer's dominant category.</summary>
    public const double DominantShare = 0.6;

    /// <summary>Preference type key for customers without a dominant category.</summary>
    public const string Mixed = "mixed";

    /// <summary>True when <see cref="TopShare"/> ≥ <see cref="DominantShare"/>.</summary>
    public bool IsDominant => TopShare >= DominantShare;

    /// <summary>The dominant category, or <see cref="Mixed"/>.</summary>
    public string PreferenceType => IsDominant ? TopCategory : Mixed;

    /// <summary>The preference type for display: the dominant category, or 混合 / mixed.</summary>
    public string PreferenceLabel(string language) => IsDominant ? TopCategory : new Schemes.LocalizedText("混合", "mixed").For(language);
}
