namespace Segmenta.Core.Numerics;

/// <summary>
/// How a sample quantile is defined, in the numbering of Hyndman &amp; Fan (1996), "Sample Quantiles in
/// Statistical Packages", The American Statistician 50(4), 361–365 (the <c>type</c> argument of R's
/// <c>quantile()</c>). Below, x₍₁₎ ≤ … ≤ x₍N₎ are the N non-null values in ascending order (ties repeated)
/// and p ∈ [0, 1] is the probability.
/// </summary>
public enum QuantileDefinition
{
    /// <summary>
    /// R type 7 (the default): linear interpolation between order statistics, h = (N − 1)·p + 1,
    /// Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). The default of R, NumPy (<c>linear</c>), Excel <c>PERCENTILE.INC</c>
    /// and Math.NET's <c>R7</c>. Q(0) is the minimum and Q(1) the maximum.
    /// </summary>
    Linear = 0,

    /// <summary>
    /// R type 1, the inverse of the empirical distribution function, also known as the nearest-rank method:
    /// Q = x₍⌈N·p⌉₎, with Q(0) = x₍₁₎. Always one of the observed values.
    /// </summary>
    InverseCdf = 1,

    /// <summary>
    /// R type 3 (SAS definition 2): the nearest order statistic, ties broken towards the even one:
    /// j = ⌊N·p − ½⌋, g = N·p − ½ − j; Q = x₍j₎ when g = 0 and j is even, otherwise x₍j+1₎ (clamped to 1..N).
    /// </summary>
    NearestEven = 3,

    /// <summary>
    /// R type 6 (Minitab, SPSS, Weibull plotting position): h = (N + 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎),
    /// with Q = x₍₁₎ when h &lt; 1 and Q = x₍N₎ when h ≥ N.
    /// </summary>
    Weibull = 6,
}
