using Segmenta.Core.Customers;

namespace Segmenta.Core.Schemes.Definitions;

/// <summary>Ready-made definitions of common schemes; change them with <c>with { … }</c>.</summary>
public static class SchemePresets
{
    /// <summary>Default name of <see cref="ValueFrequencyMatrix"/>.</summary>
    public const string ValueFrequencyName = "value_frequency";

    /// <summary>
    /// The classic 2 × 2 value × frequency matrix: rows = value (<c>monetary_total</c>), columns = frequency
    /// (<c>orders</c>), both split at <paramref name="split"/> (mean by default; a value on the cut is low).
    /// Segments: <c>high_value_high_frequency</c> 高价值高频 [2, 2], <c>high_value_low_frequency</c> 高价值低频 [2, 1],
    /// <c>low_value_high_frequency</c> 低价值高频 [1, 2], <c>low_value_low_frequency</c> 低价值低频 [1, 1].
    /// </summary>
    /// <param name="name">Scheme name (the output column).</param>
    /// <param name="split"><c>mean</c> or <c>median</c> (<see cref="AxisSplits"/>).</param>
    /// <param name="valueMeasure">The value measure, e.g. <c>monetary_total</c> or <c>margin</c>.</param>
    /// <param name="frequencyMeasure">The frequency measure, e.g. <c>orders</c> or <c>frequency</c>.</param>
    public static SchemeDefinition ValueFrequencyMatrix(
        string name = ValueFrequencyName,
        string split = AxisSplits.Mean,
        string valueMeasure = FeatureNames.MonetaryTotal,
        string frequencyMeasure = FeatureNames.Orders)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueMeasure);
        ArgumentException.ThrowIfNullOrWhiteSpace(frequencyMeasure);
        return new SchemeDefinition
        {
            Name = name,
            Kind = SchemeKinds.Matrix,
            Label = new LocalizedText("价值-频次矩阵", "Value × frequency matrix"),
            Matrix = new MatrixSettings
            {
                Rows = new AxisDefinition { Measure = valueMeasure, Split = split },
                Columns = new AxisDefinition { Measure = frequencyMeasure, Split = split },
            },
            Segments =
            [
                Cell("high_value_high_frequency", 2, 2, new("高价值高频", "High value, high frequency"),
                    new("重点维护，提供专属权益", "Retain: exclusive benefits and personal service"), 1, 30),
                Cell("high_value_low_frequency", 2, 1, new("高价值低频", "High value, low frequency"),
                    new("提升购买频次：定期提醒与复购激励", "Raise frequency: timely reminders and repeat-purchase offers"), 2, 30),
                Cell("low_value_high_frequency", 1, 2, new("低价值高频", "Low value, high frequency"),
                    new("提升客单价：搭配推荐与满减", "Raise basket size: bundles and spend-and-save offers"), 3, 60),
                Cell("low_value_low_frequency", 1, 1, new("低价值低频", "Low value, low frequency"),
                    new("低成本维系：自动化营销", "Serve at low cost: automated campaigns"), 4, 90),
            ],
        };
    }

    private static SegmentDefinition Cell(string key, int row, int column, LocalizedText label, LocalizedText action, int priority, int every) =>
        new()
        {
            Name = key,
            Label = label,
            Cell = [row, column],
            Playbook = new PlaybookDefinition { Action = action, Priority = priority, ContactEveryDays = every },
        };
}
