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

    /// <summary>
    /// Features computed only when their input is there (interactions, surveys, a discount column, costs), and the
    /// model features of <c>segment --clv</c> with their default 12-month names. Use <see cref="With"/> to add the ones a
    /// data set has, or <see cref="TypeOfKnownFeature"/> to type the columns of a feature table.
    /// </summary>
    public static IReadOnlyDictionary<string, FeatureType> OptionalFeatures { get; } = new Dictionary<string, FeatureType>(StringComparer.Ordinal)
    {
        [FeatureNames.DiscountShare] = FeatureType.Number,
        [FeatureNames.Contacts90d] = FeatureType.Number,
        [FeatureNames.Visits90d] = FeatureType.Number,
        [FeatureNames.Calls90d] = FeatureType.Number,
        [FeatureNames.Contacts30d] = FeatureType.Number,
        [FeatureNames.LastContactDays] = FeatureType.Number,
        [FeatureNames.ContactCost90d] = FeatureType.Number,
        [FeatureNames.ContactCostTotal] = FeatureType.Number,
        [FeatureNames.Nps] = FeatureType.Number,
        [FeatureNames.NpsGroup] = FeatureType.Text,
        [FeatureNames.Csat] = FeatureType.Number,
        [FeatureNames.SurveyNeed] = FeatureType.Text,
        [FeatureNames.GrossMargin] = FeatureType.Number,
        [FeatureNames.CostToServe] = FeatureType.Number,
        [FeatureNames.Profit] = FeatureType.Number,
    };

    /// <summary>
    /// The type of a standard or optional feature, including model columns named after their horizon
    /// (<c>p_alive</c>, <c>exp_spend</c>, <c>exp_purchases_&lt;h&gt;m</c>, <c>clv_&lt;h&gt;m</c>, <c>profit_&lt;h&gt;m</c>); null for
    /// any other column (an attribute, whose type the data decides).
    /// </summary>
    public static FeatureType? TypeOfKnownFeature(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (StandardFeatures.TryGetValue(name, out var type) || OptionalFeatures.TryGetValue(name, out type)) return type;
        if (name is "p_alive" or "exp_spend") return FeatureType.Number;
        foreach (var prefix in (ReadOnlySpan<string>)["exp_purchases_", "clv_", "profit_"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length + 1 && name[^1] == 'm'
                && name.AsSpan(prefix.Length, name.Length - prefix.Length - 1).IndexOfAnyExceptInRange('0', '9') < 0)
                return FeatureType.Number;
        }
        return null;
    }

    /// <summary>This schema plus <paramref name="columns"/> (e.g. <c>OptionalFeatures</c> entries, or attributes).</summary>
    /// <exception cref="ArgumentException">A column is already in the schema.</exception>
    public FeatureSchema With(IEnumerable<KeyValuePair<string, FeatureType>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var all = new Dictionary<string, FeatureType>(Columns, StringComparer.Ordinal);
        foreach (var (name, type) in columns)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(columns));
            if (!all.TryAdd(name, type))
                throw new ArgumentException($"column \"{name}\" is already in the schema", nameof(columns));
        }
        return new FeatureSchema(all);
    }

    /// <summary>This schema plus the optional features named (types from <see cref="OptionalFeatures"/>).</summary>
    /// <exception cref="ArgumentException">A name is not an optional feature, or is already in the schema.</exception>
    public FeatureSchema WithFeatures(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return With(names.Select(n => OptionalFeatures.TryGetValue(n, out var t)
            ? KeyValuePair.Create(n, t)
            : throw new ArgumentException($"\"{n}\" is not an optional feature", nameof(names))));
    }

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
