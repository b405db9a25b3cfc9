namespace Segmenta.Core.Schemes.Rules;

/// <summary>Population statistics a rule may use (see <see cref="Expressions.PopulationAggregate"/>).</summary>
public enum AggregateFunction
{
    /// <summary>Arithmetic mean of the non-null values: <c>mean(x)</c> or <c>avg(x)</c>.</summary>
    Mean,
    /// <summary>Median (the 0.5 quantile, linear interpolation, R type 7): <c>median(x)</c>.</summary>
    Median,
    /// <summary>Smallest non-null value: <c>min(x)</c>.</summary>
    Min,
    /// <summary>Largest non-null value: <c>max(x)</c>.</summary>
    Max,
    /// <summary>Quantile p (0 &lt; p &lt; 1, linear interpolation, R type 7): <c>percentile(x, 0.8)</c> or <c>p80(x)</c>.</summary>
    Percentile,
    /// <summary>
    /// Pareto threshold: sort customers by x descending; the result is the smallest x among the first customers
    /// that together hold at least share s of the total of the positive values (ties included): <c>top_share(x, 0.8)</c>.
    /// </summary>
    TopShare,
}
