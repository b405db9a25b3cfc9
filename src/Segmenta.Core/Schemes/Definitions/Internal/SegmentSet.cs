namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>Merges a definition's segments with its kind's built-in ones and its default, in assignment order.</summary>
internal static class SegmentSet
{
    private static readonly LocalizedText Empty = new("", "");

    public static IReadOnlyList<EffectiveSegment> Of(SchemeDefinition definition)
    {
        var builtIn = BuiltInSegments.For(definition.Kind);
        return definition.Kind switch
        {
            SchemeKinds.Rules or SchemeKinds.Attribute or SchemeKinds.Combine => WithDefault(definition, definition.Default),
            SchemeKinds.Behaviour or SchemeKinds.Needs => Merged(definition, builtIn!, definition.Default ?? BuiltInSegments.DefaultKey(definition.Kind)),
            SchemeKinds.Grading or SchemeKinds.Lifecycle => [.. builtIn!.Select(b => FromBuiltIn(b, Find(definition, b.Key), isDefault: false))],
            _ => [.. definition.Segments.Select((s, i) => FromUser(s, i, isDefault: false))],
        };
    }

    /// <summary>The user's segments in order; the default last (from its entry when listed, else labelled by its key).</summary>
    private static List<EffectiveSegment> WithDefault(SchemeDefinition definition, string? defaultKey)
    {
        var result = new List<EffectiveSegment>();
        (SegmentDefinition, int)? defaultEntry = null;
        for (var i = 0; i < definition.Segments.Count; i++)
        {
            var s = definition.Segments[i];
            if (defaultKey is not null && s.Name == defaultKey && defaultEntry is null)
                defaultEntry = (s, i);
            else
                result.Add(FromUser(s, i, isDefault: false));
        }
        if (defaultKey is not null)
        {
            result.Add(defaultEntry is var (entry, index)
                ? FromUser(entry, index, isDefault: true) with { When = null }
                : new EffectiveSegment(new SegmentInfo(defaultKey, new LocalizedText(defaultKey, defaultKey), Empty), null, null, null, true));
        }
        return result;
    }

    /// <summary>User entries first (in their order, keeping a built-in rule they leave out), then the built-ins not listed, the default last.</summary>
    private static List<EffectiveSegment> Merged(SchemeDefinition definition, IReadOnlyList<BuiltInSegment> builtIn, string? defaultKey)
    {
        var result = new List<EffectiveSegment>();
        EffectiveSegment? fallback = null;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Segments.Count; i++)
        {
            var s = definition.Segments[i];
            listed.Add(s.Name);
            var b = builtIn.FirstOrDefault(x => x.Key == s.Name);
            var segment = FromUser(s, i, s.Name == defaultKey) with
            {
                Info = Info(s, b),
                When = s.When ?? b?.When,
                Path = s.When is null && b?.When is not null ? null : $"segments[{i}]",
            };
            if (segment.IsDefault) fallback ??= segment with { When = null };
            else result.Add(segment);
        }
        foreach (var b in builtIn.Where(b => !listed.Contains(b.Key)))
        {
            var segment = FromBuiltIn(b, null, b.Key == defaultKey);
            if (segment.IsDefault) fallback ??= segment with { When = null };
            else result.Add(segment);
        }
        result.Add(fallback ?? new EffectiveSegment(
            new SegmentInfo(defaultKey ?? "", new LocalizedText(defaultKey ?? "", defaultKey ?? ""), Empty), null, null, null, true));
        return result;
    }

    private static SegmentDefinition? Find(SchemeDefinition definition, string key) =>
        definition.Segments.FirstOrDefault(s => s.Name == key);

    private static EffectiveSegment FromUser(SegmentDefinition s, int index, bool isDefault) =>
        new(Info(s, null), s.When, $"segments[{index}]", s, isDefault);

    private static EffectiveSegment FromBuiltIn(BuiltInSegment b, SegmentDefinition? user, bool isDefault) =>
        new(user is null ? new SegmentInfo(b.Key, b.Label, b.Description) : Info(user, b), isDefault ? null : b.When, null, user, isDefault);

    private static SegmentInfo Info(SegmentDefinition s, BuiltInSegment? b) =>
        new(s.Name, s.Label ?? b?.Label ?? new LocalizedText(s.Name, s.Name), s.Description ?? b?.Description ?? Empty);
}
