using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>Kind bins: one CASE over the cut points straight to the tier key; parameter <c>{scheme}_cut_points</c>.</summary>
internal static class BinsPlanner
{
    public static PlannedScheme Plan(PlanContext context)
    {
        var bins = context.Definition.Bins!;
        var tiers = context.Segments;
        var cuts = Bands.CutPoints(bins, tiers.Count, context.Histograms);
        var inclusive = bins.Method == BinMethods.Fixed;
        var expression = Bands.Expression(bins.Measure, cuts, inclusive, band => tiers[band - 1].Key);
        context.Parameters[$"{context.Name}_cut_points"] = cuts;
        var reasons = new Dictionary<string, (Expr, string?)>(StringComparer.Ordinal);
        for (var band = 1; band <= tiers.Count; band++)
        {
            if (Bands.Condition(bins.Measure, cuts, inclusive, band) is { } condition)
                reasons[tiers[band - 1].Key] = (condition, null);
        }
        return context.Finish([[new DerivedColumn(context.Name, expression)]], reasons);
    }
}
