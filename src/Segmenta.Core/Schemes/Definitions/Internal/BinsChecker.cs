using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>Checks kind <c>bins</c>: measure, method, breaks, and one segment per tier.</summary>
internal static class BinsChecker
{
    public static void Check(SchemeDefinition d, ProblemList problems)
    {
        if (d.Bins is not { } bins)
        {
            problems.Add("bins", "missing: give the measure and breaks, e.g. bins: { measure: monetary_total, method: quantile, breaks: [0.5, 0.8] }");
            return;
        }
        problems.RequireColumn("bins.measure", bins.Measure, FeatureType.Number);
        if (!problems.RequireOneOf("bins.method", bins.Method, BinMethods.All))
            return;
        var breaks = bins.Breaks ?? [];
        if (bins.Method == BinMethods.EqualWidth)
        {
            if (breaks.Count > 0)
                problems.Add("bins.breaks", "equal_width computes its breaks from the range of the measure: remove them (the segments give the number of tiers)");
            if (d.Segments.Count < 2)
                problems.Add("segments", $"{d.Segments.Count} segment(s): equal_width needs at least 2 tiers, listed from the lowest values");
            return;
        }
        if (breaks.Count == 0)
            problems.Add("bins.breaks", $"empty: method {bins.Method} needs at least one break");
        problems.CheckBreaks("bins.breaks", breaks, probabilities: bins.Method == BinMethods.Quantile);
        if (breaks.Count > 0 && d.Segments.Count != breaks.Count + 1)
            problems.Add("segments", $"{d.Segments.Count} segment(s) for {breaks.Count} break(s): list {breaks.Count + 1} tiers, from the lowest values to the highest");
    }
}
