using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes.Rules;

/// <summary>
/// Replaces population aggregates (<c>mean(x)</c>, <c>p80(x)</c>, <c>top_share(x, 0.8)</c> …) with the decimal
/// values they have in the current population, so the rule compiled for an engine only holds constants.
/// </summary>
public static class AggregateResolver
{
    /// <summary>The distinct aggregates a rule uses, in order of first appearance; fetch the histogram of each column.</summary>
    public static IReadOnlyList<PopulationAggregate> Required(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return [.. ExprTree.PreOrder(expression).OfType<PopulationAggregate>().Distinct()];
    }

    /// <summary>
    /// Returns the rule with every <see cref="PopulationAggregate"/> replaced by a decimal <see cref="Literal"/>.
    /// A rule without aggregates is returned as it is.
    /// </summary>
    /// <param name="expression">A rule, usually from <see cref="RuleParser.Parse"/> and checked by <see cref="RuleChecker"/>.</param>
    /// <param name="histogramOf">The histogram of a column's non-null values; called once per distinct column.</param>
    /// <exception cref="SegmentaInputException">
    /// A column has no non-null value (or, for top_share, no positive value), or a share is not strictly between 0 and 1.
    /// </exception>
    public static Expr Resolve(Expr expression, Func<string, ValueHistogram> histogramOf)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(histogramOf);
        var histograms = new Dictionary<string, ValueHistogram>(StringComparer.Ordinal);
        var values = new Dictionary<PopulationAggregate, decimal>();
        foreach (var aggregate in Required(expression))
        {
            if (!histograms.TryGetValue(aggregate.Column, out var histogram))
            {
                histogram = histogramOf(aggregate.Column)
                    ?? throw new InvalidOperationException($"histogramOf returned null for column \"{aggregate.Column}\"");
                histograms.Add(aggregate.Column, histogram);
            }
            values.Add(aggregate, Compute(aggregate, histogram));
        }
        return values.Count == 0 ? expression : Replace(expression, values);
    }

    /// <summary>The value of one aggregate over a histogram.</summary>
    /// <exception cref="SegmentaInputException">See <see cref="Resolve"/>.</exception>
    public static decimal Compute(PopulationAggregate aggregate, ValueHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(histogram);
        var text = RuleFormatter.Format(aggregate);
        if (histogram.Count == 0)
            throw new SegmentaInputException($"{text}: column \"{aggregate.Column}\" has no non-null value in this data set, so the statistic is undefined");
        if (aggregate.Function is AggregateFunction.Percentile or AggregateFunction.TopShare
            && aggregate.Argument is not (> 0m and < 1m))
        {
            throw new SegmentaInputException($"{text}: the share must be between 0 and 1 (exclusive), e.g. 0.8");
        }
        return aggregate.Function switch
        {
            AggregateFunction.Mean => HistogramMath.Mean(histogram),
            AggregateFunction.Median => HistogramMath.Quantile(histogram, 0.5m),
            AggregateFunction.Min => histogram.Values[0],
            AggregateFunction.Max => histogram.Values[^1],
            AggregateFunction.Percentile => HistogramMath.Quantile(histogram, aggregate.Argument!.Value),
            AggregateFunction.TopShare => HistogramMath.TopShareThreshold(histogram, aggregate.Argument!.Value)
                ?? throw new SegmentaInputException($"{text}: column \"{aggregate.Column}\" has no positive value, so it has no Pareto share"),
            _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate.Function, "unknown aggregate function"),
        };
    }

    private static Expr Replace(Expr expr, Dictionary<PopulationAggregate, decimal> values) => expr switch
    {
        PopulationAggregate a => new Literal(values[a]),
        Binary b => new Binary(b.Op, Replace(b.Left, values), Replace(b.Right, values)),
        Unary u => new Unary(u.Op, Replace(u.Operand, values)),
        InList l => new InList(Replace(l.Value, values), [.. l.Items.Select(i => Replace(i, values))], l.Negated),
        Between b => new Between(Replace(b.Value, values), Replace(b.Low, values), Replace(b.High, values), b.Negated),
        IsNull n => new IsNull(Replace(n.Value, values), n.Negated),
        CaseWhen c => new CaseWhen(
            [.. c.Branches.Select(br => new CaseBranch(Replace(br.When, values), Replace(br.Then, values)))],
            Replace(c.Else, values)),
        _ => expr,
    };
}
