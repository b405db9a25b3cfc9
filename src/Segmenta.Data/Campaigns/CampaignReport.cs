using System.Text.Json.Nodes;
using Segmenta.Core.Campaigns;

namespace Segmenta.Data.Campaigns;

/// <summary>The evaluation of one campaign, as printed by <c>segmenta campaign evaluate</c>.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="WindowDays">Window length w.</param>
/// <param name="Scheme">Scheme of the per-segment breakdown, if any.</param>
/// <param name="Effects">Metric effects overall (<c>*</c>) and per segment.</param>
public sealed record CampaignReport(CampaignInfo Campaign, int WindowDays, string? Scheme, IReadOnlyList<MetricEffect> Effects)
{
    /// <summary>The report as JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["campaign"] = Campaign.Name,
        ["start"] = Campaign.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["window_days"] = WindowDays,
        ["treated"] = Campaign.Treated,
        ["control"] = Campaign.Control,
        ["scheme"] = Scheme,
        ["confidence"] = 0.95,
        ["effects"] = new JsonArray([.. Effects.Select(e => (JsonNode?)new JsonObject
        {
            ["segment"] = e.Segment,
            ["metric"] = e.Metric,
            ["treated_mean"] = R(e.Window.TreatedMean),
            ["control_mean"] = R(e.Window.ControlMean),
            ["difference"] = R(e.Window.Difference),
            ["ci_low"] = R(e.Window.Low),
            ["ci_high"] = R(e.Window.High),
            ["df"] = R(e.Window.DegreesOfFreedom),
            ["lift"] = e.Window.Lift is { } l ? R(l) : null,
            ["lift_ci_low"] = e.Window.LiftLow is { } ll ? R(ll) : null,
            ["lift_ci_high"] = e.Window.LiftHigh is { } lh ? R(lh) : null,
            ["n_treated"] = e.Window.TreatedCount,
            ["n_control"] = e.Window.ControlCount,
            ["did"] = e.DifferenceInDifferences is { } d ? R(d.Difference) : null,
            ["did_ci_low"] = e.DifferenceInDifferences is { } d1 ? R(d1.Low) : null,
            ["did_ci_high"] = e.DifferenceInDifferences is { } d2 ? R(d2.High) : null,
        })]),
    };

    private static double R(double v) => Math.Round(v, 6);
}
