using Segmenta.Core.Customers;

namespace Segmenta.Core.Schemes.Rules;

/// <summary>
/// The columns a rule may refer to and their types: the standard features of <c>customer_features</c>
/// (<see cref="FeatureNames"/>) plus the CRM attribute columns of a data set. Names are case-sensitive.
/// </summary>
/// <param name="Columns">Column name → type.</param>
public sealed record FeatureSchema(IReadOnlyDictionary<string, FeatureType> Columns)
{
    /// <summary>Type of every standard feature in <see cref="FeatureNames"/>.</summary>
    public static IReadOnlyDictionary<string, FeatureType> StandardFeatures { get; } = new Dictionary<string, FeatureType>(StringComparer.Ordinal)
    {
        [FeatureNames.CustomerId] = FeatureType.Text,
        [FeatureNames.FirstPurchase] = FeatureType.Date,
        [FeatureNames.LastPurchase] = FeatureType.Date,
        [FeatureNames.Orders] = FeatureType.Number,
        [FeatureNames.PurchaseDays] = FeatureType.Number,
        [FeatureNames.Frequency] = FeatureType.Number,
        [FeatureNames.RecencyDays] = FeatureType.Number,
        [FeatureNames.TenureDays] = FeatureType.Number,
        [FeatureNames.FirstToLastDays] = FeatureType.Number,
        [FeatureNames.MonetaryTotal] = FeatureType.Number,
        [FeatureNames.MonetaryMean] = FeatureType.Number,
        [FeatureNames.RepeatMonetaryMean] = FeatureType.Number,
        [FeatureNames.MeanGapDays] = FeatureType.Number,
        [FeatureNames.DistinctProducts] = FeatureType.Number,
        [FeatureNames.Margin] = FeatureType.Number,
        [FeatureNames.RfmR] = FeatureType.Number,
        [FeatureNames.RfmF] = FeatureType.Number,
        [FeatureNames.RfmM] = FeatureType.Number,
    };

    /// <summary>The standard features plus the given attribute columns (e.g. <c>region</c> → Text, <c>"客户等级"</c> → Text).</summary>
    /// <exception cref="ArgumentException">An attribute has the name of a standard feature, or an empty name.</exception>
    public static FeatureSchema Standard(IEnumerable<KeyValuePair<string, FeatureType>>? attributes = null)
    {
        var columns = new Dictionary<string, FeatureType>(StandardFeatures, StringComparer.Ordinal);
        foreach (var (name, type) in attributes ?? [])
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(attributes));
            if (!columns.TryAdd(name, type))
                throw new ArgumentException($"attribute column \"{name}\" has the name of a standard feature or appears twice", nameof(attributes));
        }
        return new FeatureSchema(columns);
    }

    /// <summary>The type of a column, or false when the schema has no such column.</summary>
    public bool TryGetType(string name, out FeatureType type) => Columns.TryGetValue(name, out type);
}
