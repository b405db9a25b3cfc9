using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Rfm;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Rfm;

/// <summary>Builds RFM plans from per-customer tuples and scores them in memory.</summary>
internal static class RfmTestRows
{
    public static SchemePlan Plan(IReadOnlyList<(decimal? R, decimal? F, decimal? M)> customers, RfmOptions? options = null) =>
        RfmScheme.Plan(
            ValueHistogram.FromValues(customers.Select(c => c.R)),
            ValueHistogram.FromValues(customers.Select(c => c.F)),
            ValueHistogram.FromValues(customers.Select(c => c.M)),
            options);

    public static (long R, long F, long M, string Segment) Score(SchemePlan plan, (decimal? R, decimal? F, decimal? M) c)
    {
        var result = ExprEvaluator.EvaluatePlan(plan, new Dictionary<string, object?>
        {
            [FeatureNames.RecencyDays] = c.R,
            [FeatureNames.Orders] = c.F,
            [FeatureNames.MonetaryTotal] = c.M,
        });
        return ((long)result[FeatureNames.RfmR]!, (long)result[FeatureNames.RfmF]!, (long)result[FeatureNames.RfmM]!,
            (string)result[RfmScheme.SegmentColumn]!);
    }

    public static long[] Monetary(SchemePlan plan, IEnumerable<decimal?> values) =>
        [.. values.Select(v => Score(plan, (0m, 1m, v)).M)];
}
