namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>Types the checker infers: the feature types plus the null literal and "unknown after an error".</summary>
internal enum RuleType
{
    Number,
    Text,
    Date,
    Boolean,
    Null,
    Unknown,
}
