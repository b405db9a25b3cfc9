namespace Segmenta.Core.Schemes.Rules;

/// <summary>The type of a feature column as the rule language sees it.</summary>
public enum FeatureType
{
    /// <summary>A number (counts, days, money, scores).</summary>
    Number,
    /// <summary>Text (ids, regions, tiers).</summary>
    Text,
    /// <summary>A calendar date; rules compare it with a text literal written <c>'yyyy-MM-dd'</c>.</summary>
    Date,
    /// <summary>True or false.</summary>
    Boolean,
}
