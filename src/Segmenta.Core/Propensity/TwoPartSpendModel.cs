namespace Segmenta.Core.Propensity;

/// <summary>
/// Next-period spend as a two-part (hurdle) model: E[y | x] = P(y &gt; 0 | x) · E[y | x, y &gt; 0], the first part by
/// logistic regression, the second by the log-linear buyer model (Duan, Manning, Morris &amp; Newhouse 1983, "A
/// Comparison of Alternative Models for the Demand for Medical Care", J. Business &amp; Economic Statistics 1(2)).
/// Spend is zero for most customers in a window, which a single regression on log1p(spend) fits badly.
/// </summary>
/// <param name="Buys">P(y &gt; 0 | x).</param>
/// <param name="Amount">E[y | x, y &gt; 0]; null when no training row had positive spend (then every prediction is 0).</param>
public sealed record TwoPartSpendModel(LogisticModel Buys, LogLinearSpendModel? Amount) : IPropensityScorer
{
    /// <summary>Fits both parts.</summary>
    public static TwoPartSpendModel Fit(FeatureMatrix x, IReadOnlyList<double> spend, LogisticOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(spend);
        options ??= new LogisticOptions();
        var buys = LogisticRegression.Fit(x, [.. spend.Select(s => s > 0)], options);
        var amount = spend.Any(s => s > 0) ? LogLinearSpendModel.Fit(x, spend, options.L2) : null;
        return new TwoPartSpendModel(buys, amount);
    }

    /// <summary>Expected spend (≥ 0) for every row.</summary>
    public double[] Score(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var p = Buys.Score(features);
        if (Amount is null) return new double[features.Rows];
        var amount = Amount.Score(features);
        for (var i = 0; i < p.Length; i++) p[i] *= amount[i];
        return p;
    }
}
