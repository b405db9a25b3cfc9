using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Schemes.Planning;

/// <summary>Hand-made feature rows and histograms for scheme tests.</summary>
internal static class SchemeRows
{
    public static Dictionary<string, object?> Row(params (string Column, object? Value)[] values) =>
        values.ToDictionary(v => v.Column, v => v.Value, StringComparer.Ordinal);

    /// <summary>The segment the plan gives the row.</summary>
    public static string Segment(SchemePlan plan, Dictionary<string, object?> row) =>
        (string)ExprEvaluator.EvaluatePlan(plan, row)[plan.SegmentColumn]!;

    public static ValueHistogram Histogram(params decimal?[] values) => ValueHistogram.FromValues(values);

    /// <summary>histogramOf over named columns; asking for another column fails the test.</summary>
    public static Func<string, ValueHistogram> Histograms(params (string Column, ValueHistogram Histogram)[] columns) =>
        name => columns.FirstOrDefault(c => c.Column == name).Histogram
            ?? throw new InvalidOperationException($"unexpected histogram request for {name}");

    public static Func<string, ValueHistogram> NoHistograms { get; } =
        name => throw new InvalidOperationException($"unexpected histogram request for {name}");
}
