using System.Globalization;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>Checks the settings and segments of each kind.</summary>
internal static class KindChecker
{
    public static void Check(SchemeDefinition d, ProblemList problems)
    {
        switch (d.Kind)
        {
            case SchemeKinds.Rules:
                RequireSegments(d, problems);
                RequireDefault(d, problems);
                CheckRules(d, problems);
                break;
            case SchemeKinds.Behaviour or SchemeKinds.Needs:
                CheckRules(d, problems);
                break;
            case SchemeKinds.Bins:
                BinsChecker.Check(d, problems);
                break;
            case SchemeKinds.Matrix:
                MatrixChecker.Check(d, problems);
                break;
            case SchemeKinds.Grading:
                MatrixChecker.CheckGrading(d, problems);
                break;
            case SchemeKinds.Lifecycle:
                CheckLifecycle(d, problems);
                break;
            case SchemeKinds.Attribute:
                RequireDefault(d, problems);
                CheckAttribute(d, problems);
                break;
            case SchemeKinds.Combine:
                RequireSegments(d, problems);
                RequireDefault(d, problems);
                CheckCombine(d, problems);
                break;
            case SchemeKinds.KMeans:
                CheckKMeans(d, problems);
                break;
        }
    }

    /// <summary>Features exist and are numeric; k, k_range, transform and seed make sense; segment names fit k.</summary>
    private static void CheckKMeans(SchemeDefinition d, ProblemList problems)
    {
        var s = d.KMeans ?? new KMeansSettings();
        for (var i = 0; i < s.Features.Count; i++)
            problems.RequireColumn($"features[{i}]", s.Features[i], FeatureType.Number);
        foreach (var (path, message) in s.Problems())
            problems.Add(path, message);
        if (s.K is { } k && k >= 2 && d.Segments.Count > k)
            problems.Add("segments", $"{d.Segments.Count} segments are named but k is {k}: name at most k clusters (segments[0] is the largest cluster)");
        if (s.K is null && d.Segments.Count > s.MaxK)
            problems.Add("segments", $"{d.Segments.Count} segments are named but k_range ends at {s.MaxK}: name at most that many clusters");
    }

    public static void RequireSegments(SchemeDefinition d, ProblemList problems)
    {
        if (d.Segments.Count == 0)
            problems.Add("segments", $"empty: a scheme of kind {d.Kind} needs at least one segment");
    }

    private static void RequireDefault(SchemeDefinition d, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(d.Default))
            problems.Add("default", "missing: name the segment for customers no other segment takes, e.g. default: others");
    }

    /// <summary>Every non-default segment needs a rule (unless built in); the default must not have one; rules must check.</summary>
    private static void CheckRules(SchemeDefinition d, ProblemList problems)
    {
        var fallback = d.Default ?? BuiltInSegments.DefaultKey(d.Kind);
        var builtIn = BuiltInSegments.For(d.Kind) ?? [];
        for (var i = 0; i < d.Segments.Count; i++)
        {
            var s = d.Segments[i];
            if (s is null) continue;
            var path = $"segments[{i}].when";
            if (s.Name == fallback)
            {
                if (s.When is not null)
                    problems.Add(path, $"\"{s.Name}\" is the default segment, which takes everyone no rule matched; remove its rule");
            }
            else if (string.IsNullOrWhiteSpace(s.When))
            {
                if (!builtIn.Any(b => b.Key == s.Name && b.When is not null))
                    problems.Add(path, s.When is null ? "missing: write the rule that selects this segment, e.g. recency_days <= 30" : "empty rule: write a condition, e.g. recency_days <= 30");
            }
            else
            {
                problems.CheckRule(path, s.When);
            }
        }
        // Built-in rules the user kept are checked too: their columns may be missing from a custom schema.
        foreach (var b in builtIn.Where(b => b.When is not null && b.Key != fallback && !d.Segments.Any(s => s?.Name == b.Key && s.When is not null)))
            problems.CheckRule($"built-in rule of {b.Key}", b.When!);
    }

    private static void CheckLifecycle(SchemeDefinition d, ProblemList problems)
    {
        CheckBuiltInNames(d, problems);
        var s = d.Lifecycle ?? new LifecycleSettings();
        if (s.NewWithinDays < 1) problems.Add("lifecycle.new_within_days", $"{s.NewWithinDays} must be at least 1");
        if (s.DormantAfterDays < 1) problems.Add("lifecycle.dormant_after_days", $"{s.DormantAfterDays} must be at least 1");
        if (s.ChurnedAfterDays <= s.DormantAfterDays)
            problems.Add("lifecycle.churned_after_days", $"{s.ChurnedAfterDays} must be above dormant_after_days ({s.DormantAfterDays})");
        if (s.ReactivatedWithinDays < 1) problems.Add("lifecycle.reactivated_within_days", $"{s.ReactivatedWithinDays} must be at least 1");
        if (s.DormantGapMultiple <= 0) problems.Add("lifecycle.dormant_gap_multiple", $"{s.DormantGapMultiple} must be positive, e.g. 3");
        if (s.PAliveBelow is <= 0m or >= 1m) problems.Add("lifecycle.p_alive_below", $"{s.PAliveBelow} must be a probability between 0 and 1 (exclusive)");
        foreach (var column in LifecycleSettings.Features)
            problems.RequireColumn($"lifecycle (needs {column})", column, FeatureType.Number);
    }

    /// <summary>Kinds with built-in segments accept only those names.</summary>
    public static void CheckBuiltInNames(SchemeDefinition d, ProblemList problems)
    {
        var keys = BuiltInSegments.For(d.Kind)!.Select(b => b.Key).ToList();
        for (var i = 0; i < d.Segments.Count; i++)
        {
            var name = d.Segments[i]?.Name;
            if (!string.IsNullOrWhiteSpace(name) && !keys.Contains(name, StringComparer.Ordinal))
                problems.Add($"segments[{i}].name", $"kind {d.Kind} has no segment \"{name}\"{ProblemList.DidYouMean(name, keys)} (its segments: {string.Join(", ", keys)})");
        }
    }

    private static void CheckAttribute(SchemeDefinition d, ProblemList problems)
    {
        if (d.Attribute is not { } a)
        {
            problems.Add("attribute", "missing: give the column to group by, e.g. attribute: { column: region }");
            return;
        }
        var mapped = a.Mapping is { Count: > 0 };
        problems.RequireColumn("attribute.column", a.Column, mapped ? null : FeatureType.Text);
        if (!mapped)
            return;
        var targets = d.Segments.Where(s => s is not null).Select(s => s.Name).Append(d.Default ?? "").ToList();
        FeatureType? type = problems.Schema is { } schema && schema.TryGetType(a.Column, out var t) ? t : null;
        foreach (var (value, segment) in a.Mapping!)
        {
            var path = $"attribute.mapping[\"{value}\"]";
            if (string.IsNullOrWhiteSpace(segment) || !targets.Contains(segment, StringComparer.Ordinal))
                problems.Add(path, $"\"{segment}\" is not a segment of this scheme{ProblemList.DidYouMean(segment ?? "", targets)}");
            if (type is FeatureType.Number && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                problems.Add(path, $"\"{value}\" is not a number, but column \"{a.Column}\" is numeric");
            if (type is FeatureType.Boolean && !bool.TryParse(value, out _))
                problems.Add(path, $"\"{value}\" is not true or false, but column \"{a.Column}\" is true/false");
        }
    }

    private static void CheckCombine(SchemeDefinition d, ProblemList problems)
    {
        if (d.Combine is not { } c)
        {
            problems.Add("combine", "missing: name the two segment columns to combine, e.g. combine: { first: rfm_segment, second: abc_class }");
            return;
        }
        problems.RequireColumn("combine.first", c.First, FeatureType.Text);
        problems.RequireColumn("combine.second", c.Second, FeatureType.Text);
        for (var i = 0; i < d.Segments.Count; i++)
        {
            var s = d.Segments[i];
            if (s is null || s.Name == d.Default) continue;
            if (s.Match is not { Count: 2 } match || match.Any(string.IsNullOrWhiteSpace))
                problems.Add($"segments[{i}].match", "write the two segment keys it stands for, e.g. match: [champions, A] (\"*\" matches any)");
        }
    }
}
