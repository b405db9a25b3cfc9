using Segmenta.Core.Numerics;

namespace Segmenta.Core.Rfm;

/// <summary>Settings of <see cref="RfmScheme"/>.</summary>
public sealed record RfmOptions
{
    /// <summary>Default number of scores per measure (quintiles).</summary>
    public const int DefaultBins = 5;

    /// <summary>Smallest allowed number of scores.</summary>
    public const int MinBins = 2;

    /// <summary>Largest allowed number of scores (one digit each in <c>rfm_score</c>, as in SPSS).</summary>
    public const int MaxBins = 9;

    /// <summary>The default options: 5 scores, <see cref="RfmBinning.Quantile"/>, R type 7 quantiles.</summary>
    public static RfmOptions Default { get; } = new();

    /// <summary>Number of scores n per measure; scores run 1 … n, higher is better. Between 2 and 9.</summary>
    public int Bins { get; init; } = DefaultBins;

    /// <summary>How cut points are derived when none is given; default <see cref="RfmBinning.Quantile"/>.</summary>
    public RfmBinning Binning { get; init; } = RfmBinning.Quantile;

    /// <summary>Quantile definition used by <see cref="RfmBinning.Quantile"/> (ignored by <see cref="RfmBinning.RRfm"/>, which is always R type 7).</summary>
    public QuantileDefinition QuantileDefinition { get; init; } = QuantileDefinition.Linear;

    /// <summary>
    /// Optional fixed cut points for <c>recency_days</c>: exactly <see cref="Bins"/> − 1 values, ascending,
    /// used instead of quantiles with the edge rule of <see cref="Binning"/>.
    /// </summary>
    public IReadOnlyList<decimal>? RecencyCutPoints { get; init; }

    /// <summary>Optional fixed cut points for <c>orders</c> (see <see cref="RecencyCutPoints"/>).</summary>
    public IReadOnlyList<decimal>? OrdersCutPoints { get; init; }

    /// <summary>Optional fixed cut points for <c>monetary_total</c> (see <see cref="RecencyCutPoints"/>).</summary>
    public IReadOnlyList<decimal>? MonetaryCutPoints { get; init; }
}
