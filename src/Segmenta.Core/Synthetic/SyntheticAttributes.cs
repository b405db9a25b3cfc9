namespace Segmenta.Core.Synthetic;

/// <summary>The categorical customer attributes of the synthetic data and their sampling weights.</summary>
public static class SyntheticAttributes
{
    /// <summary>The eight regions (Chinese provinces), indexed by <see cref="SyntheticCustomer.Region"/>.</summary>
    public static IReadOnlyList<string> Regions { get; } =
        ["Guangdong", "Zhejiang", "Jiangsu", "Shandong", "Sichuan", "Henan", "Hubei", "Fujian"];

    /// <summary>Sampling weights of <see cref="Regions"/> (they sum to 1).</summary>
    public static IReadOnlyList<double> RegionWeights { get; } = [0.22, 0.16, 0.15, 0.12, 0.10, 0.09, 0.08, 0.08];

    /// <summary>The six industries, indexed by <see cref="SyntheticCustomer.Industry"/>.</summary>
    public static IReadOnlyList<string> Industries { get; } =
        ["Retail", "Manufacturing", "Technology", "Finance", "Healthcare", "Education"];

    /// <summary>Sampling weights of <see cref="Industries"/> (they sum to 1).</summary>
    public static IReadOnlyList<double> IndustryWeights { get; } = [0.30, 0.22, 0.18, 0.12, 0.10, 0.08];

    /// <summary>Signup lead (days before the first purchase) is Geometric(1/45) − 1, capped at 365: mean about 44 days.</summary>
    public const double SignupLeadMeanDays = 45.0;
}
