using Segmenta.Core.Customers;

namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>lifecycle</c>: stages from the purchase history, first match wins:
/// <list type="number">
/// <item><c>prospect</c>: no purchase (<c>orders</c> is null or 0);</item>
/// <item><c>new</c>: first purchase within <see cref="NewWithinDays"/> (<c>tenure_days ≤ N</c>);</item>
/// <item><c>churned</c>: silent longer than <see cref="ChurnedAfterDays"/> (<c>recency_days &gt; D2</c>), or
/// <c>p_alive &lt; </c><see cref="PAliveBelow"/> when the <see cref="PAliveColumn"/> column is in the feature schema;</item>
/// <item><c>dormant</c>: silent longer than <see cref="DormantAfterDays"/> (<c>recency_days &gt; D</c>), or longer than
/// <see cref="DormantGapMultiple"/> × the customer's own mean gap (<c>recency_days &gt; k · mean_gap_days</c>);</item>
/// <item><c>reactivated</c>: bought within <see cref="ReactivatedWithinDays"/> after a silence longer than D: the
/// features hold no single gap, but the mean gap is the mean of the gaps, so the longest gap ≥ <c>mean_gap_days</c>;
/// <c>mean_gap_days &gt; D</c> therefore proves a dormant spell before the last purchase (customers whose one long
/// silence is averaged down by many short gaps are missed, never wrongly included);</item>
/// <item><c>active</c>: everyone else.</item>
/// </list>
/// Segments named after these stages may give them labels and playbooks.
/// </summary>
public sealed record LifecycleSettings
{
    /// <summary>Default N of <see cref="NewWithinDays"/>.</summary>
    public const int DefaultNewWithinDays = 30;

    /// <summary>Default k of <see cref="DormantGapMultiple"/>.</summary>
    public const decimal DefaultDormantGapMultiple = 3m;

    /// <summary>Default D of <see cref="DormantAfterDays"/>.</summary>
    public const int DefaultDormantAfterDays = 90;

    /// <summary>Default D2 of <see cref="ChurnedAfterDays"/>.</summary>
    public const int DefaultChurnedAfterDays = 365;

    /// <summary>Default of <see cref="ReactivatedWithinDays"/>.</summary>
    public const int DefaultReactivatedWithinDays = 30;

    /// <summary>Default of <see cref="PAliveColumn"/>.</summary>
    public const string DefaultPAliveColumn = "p_alive";

    /// <summary>Default of <see cref="PAliveBelow"/>.</summary>
    public const decimal DefaultPAliveBelow = 0.1m;

    /// <summary>YAML <c>new_within_days</c> (N): first purchase at most this many days ago is new.</summary>
    public int NewWithinDays { get; init; } = DefaultNewWithinDays;

    /// <summary>YAML <c>dormant_gap_multiple</c> (k): silent longer than k × own mean gap is dormant; must be positive.</summary>
    public decimal DormantGapMultiple { get; init; } = DefaultDormantGapMultiple;

    /// <summary>YAML <c>dormant_after_days</c> (D): silent longer than this is dormant.</summary>
    public int DormantAfterDays { get; init; } = DefaultDormantAfterDays;

    /// <summary>YAML <c>churned_after_days</c> (D2): silent longer than this is churned; must exceed D.</summary>
    public int ChurnedAfterDays { get; init; } = DefaultChurnedAfterDays;

    /// <summary>YAML <c>reactivated_within_days</c>: a returning customer counts as reactivated this long after the purchase that ended the silence.</summary>
    public int ReactivatedWithinDays { get; init; } = DefaultReactivatedWithinDays;

    /// <summary>YAML <c>p_alive_column</c>: the predicted probability of being alive (BG/NBD); used only when the schema has it.</summary>
    public string PAliveColumn { get; init; } = DefaultPAliveColumn;

    /// <summary>YAML <c>p_alive_below</c>: P(alive) below this is churned; in (0, 1).</summary>
    public decimal PAliveBelow { get; init; } = DefaultPAliveBelow;

    /// <summary>The stage keys, in the order they are tested.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["prospect", "new", "churned", "dormant", "reactivated", "active"];

    /// <summary>The feature the stages read besides <see cref="PAliveColumn"/>.</summary>
    internal static IReadOnlyList<string> Features { get; } =
        [FeatureNames.Orders, FeatureNames.TenureDays, FeatureNames.RecencyDays, FeatureNames.MeanGapDays];
}
