using MathNet.Numerics.Distributions;

namespace Segmenta.Core.Clv;

/// <summary>Information criteria and likelihood-ratio tests over <see cref="ModelFit"/> results.</summary>
public static class ModelComparison
{
    /// <summary>AIC = 2k − 2 LL (Akaike 1974). Lower is better.</summary>
    public static double Aic(ModelFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return 2.0 * fit.ParameterCount - 2 * fit.LogLikelihood;
    }

    /// <summary>BIC = k ln n − 2 LL with n the number of customers (Schwarz 1978). Lower is better.</summary>
    public static double Bic(ModelFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit.ParameterCount * Math.Log(fit.NumberOfCustomers) - 2 * fit.LogLikelihood;
    }

    /// <summary>
    /// Likelihood-ratio test: D = 2 (LL_full − LL_restricted) against χ² with k_full − k_restricted degrees of freedom
    /// (Wilks 1938). Valid only when the restricted model is a special case of the full one fitted on the same data
    /// (e.g. NBD inside Pareto/NBD); the caller is responsible for that.
    /// </summary>
    /// <exception cref="ArgumentException">The models have the same number of parameters or were fitted on different sample sizes.</exception>
    public static LikelihoodRatioTest LikelihoodRatio(ModelFit restricted, ModelFit full)
    {
        ArgumentNullException.ThrowIfNull(restricted);
        ArgumentNullException.ThrowIfNull(full);
        var df = full.ParameterCount - restricted.ParameterCount;
        if (df <= 0) throw new ArgumentException("the full model must have more parameters than the restricted one", nameof(full));
        if (Math.Abs(full.NumberOfCustomers - restricted.NumberOfCustomers) > 1e-9 * full.NumberOfCustomers)
            throw new ArgumentException("the models were fitted on different data (customer counts differ)", nameof(full));
        var d = Math.Max(0, 2 * (full.LogLikelihood - restricted.LogLikelihood));
        return new LikelihoodRatioTest(d, df, 1 - ChiSquared.CDF(df, d));
    }

    /// <summary>The fits ordered by AIC (best first), with AIC, BIC and ΔAIC to the best.</summary>
    public static IReadOnlyList<ModelRanking> Rank(IEnumerable<ModelFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var rows = new List<ModelRanking>();
        foreach (var f in fits) rows.Add(new ModelRanking(f.Model, f.LogLikelihood, f.ParameterCount, Aic(f), Bic(f), 0));
        rows.Sort((x, y) => x.Aic.CompareTo(y.Aic));
        if (rows.Count == 0) return rows;
        var best = rows[0].Aic;
        for (var i = 0; i < rows.Count; i++) rows[i] = rows[i] with { DeltaAic = rows[i].Aic - best };
        return rows;
    }
}
