namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// YAML <c>stability: { freeze_from: latest | &lt;snapshot id&gt;, hysteresis: 0.05, min_dwell: 2 }</c>: how a scheme
/// keeps customers from flapping between runs (docs/snapshots.md). Every key is optional.
/// </summary>
public sealed record SchemeStability
{
    /// <summary>
    /// <c>freeze_from</c>: plan the scheme with the cut points of this stored snapshot (<c>latest</c> = the newest one;
    /// on an empty store the scheme is planned normally and the run says so); null plans from the current population.
    /// </summary>
    public string? FreezeFrom { get; init; }

    /// <summary><c>hysteresis</c>: relative band, 0.05 = 5 % (0 ≤ h &lt; 1); null = the run's <c>--hysteresis</c>.</summary>
    public decimal? Hysteresis { get; init; }

    /// <summary><c>min_dwell</c>: snapshots a customer stays in a segment before she may move again; null = the run's <c>--min-dwell</c>.</summary>
    public int? MinDwell { get; init; }

    /// <summary>The value of <see cref="FreezeFrom"/> that means the newest stored snapshot.</summary>
    public const string Latest = "latest";
}
