using Segmenta.Core.Schemes;

namespace Segmenta.Core.Reporting;

/// <summary>
/// A classification matrix (绘制矩阵): every customer placed by two measures, split into four quadrants by one line
/// per axis. The scatter is a sample; the quadrant counts cover every customer.
/// </summary>
/// <param name="XMeasure">Feature on the x axis, e.g. <c>orders</c>.</param>
/// <param name="YMeasure">Feature on the y axis, e.g. <c>monetary_total</c>.</param>
/// <param name="XSplit">The vertical split line (e.g. the mean).</param>
/// <param name="YSplit">The horizontal split line.</param>
/// <param name="LogX">Draw x on a log scale (skewed measure, all values positive).</param>
/// <param name="LogY">Draw y on a log scale.</param>
/// <param name="Sample">Sampled points.</param>
/// <param name="Quadrants">The four quadrants, every customer counted.</param>
public sealed record MatrixSection(
    string XMeasure,
    string YMeasure,
    double XSplit,
    double YSplit,
    bool LogX,
    bool LogY,
    IReadOnlyList<MatrixPoint> Sample,
    IReadOnlyList<MatrixQuadrant> Quadrants)
{
    /// <summary>Customers the sample was drawn from.</summary>
    public long Population => Quadrants.Sum(q => q.Customers);

    /// <summary>The <c>kind: matrix</c> scheme drawn, or null for the default orders × spend matrix.</summary>
    public string? Scheme { get; init; }

    /// <summary>The scheme's display title (null: the translation table's).</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Every vertical split line (a scheme may cut an axis more than once); empty = <see cref="XSplit"/>.</summary>
    public IReadOnlyList<double> XBreaks { get; init; } = [];

    /// <summary>Every horizontal split line; empty = <see cref="YSplit"/>.</summary>
    public IReadOnlyList<double> YBreaks { get; init; } = [];

    /// <summary>How the x lines were found: <c>mean</c>, <c>median</c>, <c>quantile</c>, <c>fixed</c> (null: the mean).</summary>
    public string? XSplitKind { get; init; }

    /// <summary>How the y lines were found.</summary>
    public string? YSplitKind { get; init; }

    /// <summary>The vertical lines to draw.</summary>
    public IReadOnlyList<double> XLines => XBreaks.Count > 0 ? XBreaks : [XSplit];

    /// <summary>The horizontal lines to draw.</summary>
    public IReadOnlyList<double> YLines => YBreaks.Count > 0 ? YBreaks : [YSplit];
}

/// <summary>One sampled customer.</summary>
/// <param name="X">Value on the x axis.</param>
/// <param name="Y">Value on the y axis.</param>
/// <param name="Quadrant">Key of the quadrant it falls in.</param>
public sealed record MatrixPoint(double X, double Y, string Quadrant);

/// <summary>One quadrant.</summary>
/// <param name="Key"><c>high_high</c>, <c>low_high</c>, <c>high_low</c> or <c>low_low</c> (x first, then y), or a matrix scheme's segment key.</param>
/// <param name="Label">Display name; null = the report's translation table for <paramref name="Key"/>.</param>
/// <param name="Strategy">What to do with them; null = the translation table.</param>
/// <param name="Customers">Customers.</param>
/// <param name="Revenue">Their spend.</param>
public sealed record MatrixQuadrant(string Key, LocalizedText? Label, LocalizedText? Strategy, long Customers, decimal Revenue)
{
    /// <summary>Band on the y axis (1 = lowest) for a scheme's cell; null for the default quadrants.</summary>
    public int? Row { get; init; }

    /// <summary>Band on the x axis (1 = lowest) for a scheme's cell.</summary>
    public int? Column { get; init; }
}
