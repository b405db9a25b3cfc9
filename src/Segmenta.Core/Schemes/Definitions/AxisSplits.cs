namespace Segmenta.Core.Schemes.Definitions;

/// <summary>The values of <see cref="AxisDefinition.Split"/>.</summary>
public static class AxisSplits
{
    /// <summary>One cut at the mean of the measure; a value on it is in the lower band.</summary>
    public const string Mean = "mean";

    /// <summary>One cut at the median (R type 7); a value on it is in the lower band.</summary>
    public const string Median = "median";

    /// <summary>Cuts at the quantiles given in <see cref="AxisDefinition.At"/> (probabilities in (0, 1)); a value on a cut is in the lower band.</summary>
    public const string Quantile = "quantile";

    /// <summary>Cuts at the values given in <see cref="AxisDefinition.At"/>; each is the first value of its band.</summary>
    public const string Fixed = "fixed";

    /// <summary>Every split.</summary>
    public static IReadOnlyList<string> All { get; } = [Mean, Median, Quantile, Fixed];
}
