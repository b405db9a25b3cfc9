using System.Globalization;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Snapshots;

/// <summary>
/// Stability settings of a scheme: hysteresis (a customer keeps her previous segment while her measures are within
/// <see cref="Hysteresis"/> of it) and minimum dwell (she stays at least <see cref="MinDwell"/> consecutive snapshots
/// in a segment before she may move again). Both zero = no stabilisation.
/// </summary>
/// <param name="Hysteresis">Relative band, e.g. 0.05 = 5 %; 0 ≤ h &lt; 1.</param>
/// <param name="MinDwell">Snapshots; 0 or 1 = no minimum.</param>
public sealed record StabilitySettings(decimal Hysteresis = 0m, int MinDwell = 0)
{
    /// <summary>True when neither hysteresis nor a minimum dwell is asked for.</summary>
    public bool IsOff => Hysteresis == 0m && MinDwell <= 1;

    /// <summary>The problem with the values, or null when they are valid.</summary>
    public string? Problem() =>
        Hysteresis is < 0m or >= 1m ? $"hysteresis {Hysteresis.ToString(CultureInfo.InvariantCulture)} must be at least 0 and below 1 (0.05 = 5 %)"
        : MinDwell < 0 ? $"min_dwell {MinDwell} must be 0 or more (snapshots)"
        : null;

    /// <summary>Hysteresis as a percentage text, e.g. <c>5 %</c>.</summary>
    public string HysteresisText => (Hysteresis * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}

/// <summary>What stabilisation decided for one customer who would have moved.</summary>
/// <param name="Segment">The segment she gets.</param>
/// <param name="Reason">Why she was kept in her previous segment (English / Chinese), or null when she moves.</param>
public sealed record StabilityDecision(string Segment, string? Reason)
{
    /// <summary>True when she was kept in her previous segment.</summary>
    public bool Held => Reason is not null;
}

/// <summary>
/// The stability rule, decided per customer against a reference (previous) snapshot. In one sentence each:
/// <list type="bullet">
/// <item><b>hysteresis h</b>: a customer keeps her previous segment when moving her measures by at most h of their
/// values (each up or down; whole-number measures by whole units) would put her back in it — so a customer whose
/// monetary value is 980 and who was in A (cut 1,000) stays in A with h = 5 % (980 × 1.05 = 1,029 ≥ 1,000);</item>
/// <item><b>minimum dwell N</b>: a customer who has been in her segment for fewer than N consecutive snapshots stays
/// there.</item>
/// </list>
/// A customer who is not in the reference snapshot is assigned normally, and hysteresis 0 with minimum dwell 0 gives
/// exactly the unstabilised segment. Hysteresis is a relative dead band around each cut point, the rule of the
/// Schmitt trigger (O. H. Schmitt 1938, "A thermionic trigger", <i>J. Sci. Instrum.</i> 15, 24): the switching point
/// depends on the side one comes from.
/// </summary>
public static class StabilityRule
{
    /// <summary>At most this many measures are perturbed jointly (2^k corners); beyond, only all-down and all-up.</summary>
    public const int MaxCornerMeasures = 4;

    /// <summary>The customer's new segment after stabilisation.</summary>
    /// <param name="plan">The scheme's plan (the segment is recomputed on perturbed measures).</param>
    /// <param name="computed">The segment computed without stabilisation.</param>
    /// <param name="previous">Her segment in the reference snapshot; null when she is new.</param>
    /// <param name="dwell">Consecutive snapshots (ending with the reference) she was in <paramref name="previous"/>;
    /// <see cref="int.MaxValue"/> when that run goes back to the oldest snapshot.</param>
    /// <param name="row">Her input columns (features).</param>
    /// <param name="settings">Hysteresis and minimum dwell.</param>
    /// <param name="hysteresis">False for schemes without numeric cut points (rules): minimum dwell only.</param>
    public static StabilityDecision Decide(
        SchemePlan plan, string computed, string? previous, int dwell, IReadOnlyDictionary<string, object?> row,
        StabilitySettings settings, bool hysteresis = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(settings);
        if (previous is null || previous == computed || settings.IsOff) return new StabilityDecision(computed, null);
        if (settings.MinDwell > 1 && dwell < settings.MinDwell)
        {
            return new StabilityDecision(previous,
                $"kept in {previous} by minimum dwell: {dwell} of {settings.MinDwell} snapshots there / 因最短停留期保持在 {previous}：已停留 {dwell}/{settings.MinDwell} 个快照");
        }
        if (!hysteresis || settings.Hysteresis == 0m) return new StabilityDecision(computed, null);
        var measures = Measures(plan).Where(m => row.TryGetValue(m, out var v) && IsNumber(v)).ToList();
        foreach (var corner in Corners(measures.Count))
        {
            var moved = new Dictionary<string, object?>(row, StringComparer.Ordinal);
            var changes = new List<string>();
            for (var i = 0; i < measures.Count; i++)
            {
                var value = row[measures[i]];
                var shifted = Shift(value!, settings.Hysteresis, corner[i]);
                moved[measures[i]] = shifted;
                if (!Equals(shifted, value)) changes.Add($"{measures[i]} {Text(value)} → {Text(shifted)}");
            }
            if (changes.Count == 0) continue;
            var segment = ExprEvaluator.EvaluatePlan(plan, moved).TryGetValue(plan.SegmentColumn, out var s) ? SegmentText(s) : null;
            if (segment == previous)
            {
                var what = string.Join(", ", changes);
                return new StabilityDecision(previous,
                    $"kept in {previous} by hysteresis: within {settings.HysteresisText} ({what}) it is still {previous} / 因滞后保持在 {previous}：在 {settings.HysteresisText} 范围内（{what}）仍属 {previous}");
            }
        }
        return new StabilityDecision(computed, null);
    }

    /// <summary>The input columns a plan reads (columns it does not derive itself), in first-use order.</summary>
    public static IReadOnlyList<string> Measures(SchemePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var derived = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var layer in plan.Layers)
        {
            foreach (var column in layer)
            {
                foreach (var c in ExprTree.PreOrder(column.Expression).OfType<ColumnRef>())
                    if (!derived.Contains(c.Name) && !used.Contains(c.Name, StringComparer.Ordinal)) used.Add(c.Name);
            }
            foreach (var column in layer) derived.Add(column.Name);
        }
        return used;
    }

    /// <summary>The segment key as text, as stored in snapshots.</summary>
    public static string? SegmentText(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Directions (−1 / +1) per measure: every corner of the box for up to <see cref="MaxCornerMeasures"/> measures.</summary>
    private static IEnumerable<int[]> Corners(int k)
    {
        if (k == 0) yield break;
        if (k > MaxCornerMeasures)
        {
            yield return [.. Enumerable.Repeat(-1, k)];
            yield return [.. Enumerable.Repeat(1, k)];
            yield break;
        }
        for (var mask = 0; mask < 1 << k; mask++)
        {
            var corner = new int[k];
            for (var i = 0; i < k; i++) corner[i] = (mask >> i & 1) == 1 ? 1 : -1;
            yield return corner;
        }
    }

    private static bool IsNumber(object? v) => v is sbyte or byte or short or ushort or int or uint or long or ulong or decimal
        or float or double && !(v is double d && !double.IsFinite(d)) && !(v is float f && !float.IsFinite(f));

    /// <summary>v·(1 ± h); whole numbers move by whole units only, rounded toward v (2 orders never become 1.9).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The row holds boxed values of the measure's own type (double, decimal, long).")]
    private static object Shift(object value, decimal h, int direction)
    {
        switch (value)
        {
            case double d:
                return d * (1 + direction * (double)h);
            case float f:
                return (double)f * (1 + direction * (double)h);
            case decimal m:
                return m * (1 + direction * h);
            default:
                var n = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                var target = n * (1 + direction * h);
                // Toward v: for |target| above |v| round down in magnitude, below round up.
                var whole = Math.Abs(target) >= Math.Abs(n) ? Math.Floor(Math.Abs(target)) * Math.Sign(target) : Math.Ceiling(Math.Abs(target)) * Math.Sign(target);
                return (long)whole;
        }
    }

    private static string Text(object? v) => v switch
    {
        double d => d.ToString("#,0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("#,0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v?.ToString() ?? "",
    };
}
