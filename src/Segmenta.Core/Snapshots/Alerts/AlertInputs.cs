namespace Segmenta.Core.Snapshots.Alerts;

/// <summary>What the rules are evaluated on.</summary>
/// <param name="AsOf">As-of date of the new snapshot.</param>
/// <param name="Current">Scheme → customer → segment in the new snapshot; null for an unknown scheme.</param>
/// <param name="Previous">Scheme → customer → segment in the previous snapshot; null when there is none.</param>
/// <param name="LastContact">Customer → date of the last interaction on or before the as-of date; null when no interactions were imported.</param>
public sealed record AlertInputs(
    DateOnly AsOf,
    Func<string, IReadOnlyDictionary<string, string>?> Current,
    Func<string, IReadOnlyDictionary<string, string>?>? Previous,
    IReadOnlyDictionary<string, DateOnly>? LastContact);
