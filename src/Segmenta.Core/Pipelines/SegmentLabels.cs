using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// A plan that adds, after every other layer, one <c>&lt;segment column&gt;_label</c> column per scheme holding the
/// segment's display name in one language (e.g. <c>rfm_segment_label</c> = 冠军客户), so exported files read without a
/// lookup table. Keys stay in the segment columns; labels are only for people.
/// </summary>
public static class SegmentLabels
{
    /// <summary>The label plan for <paramref name="plans"/> in <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>).</summary>
    public static SchemePlan Plan(IReadOnlyList<SchemePlan> plans, string language)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var depth = plans.Count == 0 ? 0 : plans.Max(p => p.Layers.Count);
        var labels = plans.Select(p => new DerivedColumn(
            p.SegmentColumn + "_label",
            new CaseWhen(
                [.. p.Segments.Select(s => new CaseBranch(
                    new Binary(BinaryOp.Equal, new ColumnRef(p.SegmentColumn), new Literal(s.Key)),
                    new Literal(s.Label.For(language))))],
                new ColumnRef(p.SegmentColumn)))).ToList();
        var layers = Enumerable.Range(0, depth).Select(_ => (IReadOnlyList<DerivedColumn>)[]).Append(labels).ToList();
        return new SchemePlan("labels", layers, labels.Count > 0 ? labels[0].Name : "", [], new Dictionary<string, IReadOnlyList<decimal>>());
    }
}
