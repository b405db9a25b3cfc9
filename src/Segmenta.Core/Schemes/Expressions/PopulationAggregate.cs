using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Expressions;

/// <summary>
/// A statistic of one feature over the whole customer population, e.g. <c>mean(monetary_total)</c> or
/// <c>p80(frequency)</c>. It is not a per-customer value: <see cref="AggregateResolver.Resolve"/> replaces it
/// with a decimal <see cref="Literal"/> computed from the column's histogram before a rule is compiled to SQL
/// or evaluated in memory, so compilers never see this node.
/// </summary>
/// <param name="Function">Which statistic.</param>
/// <param name="Column">The feature column it is computed over (must be numeric).</param>
/// <param name="Argument">
/// The share for <see cref="AggregateFunction.Percentile"/> and <see cref="AggregateFunction.TopShare"/>
/// (strictly between 0 and 1, e.g. 0.8); null for the other functions.
/// </param>
public sealed record PopulationAggregate(AggregateFunction Function, string Column, decimal? Argument) : Expr;
