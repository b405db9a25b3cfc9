namespace Segmenta.Core.Rfm;

/// <summary>How RFM scores are cut from the distribution of each measure.</summary>
public enum RfmBinning
{
    /// <summary>
    /// Segmenta's rule: cut points cₖ = Q(k/n), k = 1 … n−1 (Q = the configured quantile definition, R type 7 by
    /// default); a customer exactly on a cut point gets the lower (worse) score. See <see cref="RfmScheme"/>.
    /// </summary>
    Quantile = 0,

    /// <summary>
    /// Reproduces <c>rfm_table_order()</c> of the R package <c>rfm</c> (rsquaredacademy): breaks bₖ = Q₇(k/n) + 1
    /// computed in binary floating point as R does, bins left-closed [bₖ₋₁, bₖ). See <see cref="RfmScheme"/>.
    /// </summary>
    RRfm = 1,
}
