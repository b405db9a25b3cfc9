namespace Segmenta.Core.Customers;

/// <summary>
/// The values of <see cref="FeatureNames.NpsGroup"/>, after Reichheld (2003), "The One Number You Need to Grow",
/// Harvard Business Review 81(12): answers 9–10 to "how likely are you to recommend us" are promoters, 7–8 passives,
/// 0–6 detractors.
/// </summary>
public static class NpsGroups
{
    /// <summary>NPS 9–10.</summary>
    public const string Promoter = "promoter";

    /// <summary>NPS 7–8.</summary>
    public const string Passive = "passive";

    /// <summary>NPS 0–6.</summary>
    public const string Detractor = "detractor";
}
