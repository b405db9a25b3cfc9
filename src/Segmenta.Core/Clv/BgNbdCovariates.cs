using System.Globalization;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Fits BG/NBD with time-invariant covariates on the purchase and dropout processes (see <see cref="BgNbdCovariateModel"/>).
/// Covariates differ per customer, so the likelihood runs over customers, not compressed cells.
/// </summary>
public static class BgNbdCovariates
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "bgnbd_staticcov".</summary>
    public const string Name = "bgnbd_staticcov";

    /// <summary>
    /// Maximum-likelihood fit of (r, α₀, a₀, b₀, γ_life, γ_trans) with an analytic gradient; the coefficients are
    /// reported as "life.&lt;j&gt;" and "trans.&lt;j&gt;" (0-based column index) and are unconstrained (Wald intervals).
    /// </summary>
    /// <exception cref="SegmentaInputException">Row counts differ, there are no repeat buyers, or the fit did not converge.</exception>
    public static BgNbdCovariateModel Fit(ReadOnlySpan<CustomerHistory> customers, CovariateMatrix life, CovariateMatrix transactions, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(life);
        ArgumentNullException.ThrowIfNull(transactions);
        if (life.Rows != customers.Length || transactions.Rows != customers.Length)
        {
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {customers.Length} customers but {life.Rows} life and {transactions.Rows} transaction covariate rows. Give one covariate row per customer."));
        }
        var cells = HistoryCells.Compress(customers); // validates the histories
        DataChecks.RequireRepeatBuyers(Name, cells);
        var data = customers.ToArray();
        for (var i = 0; i < data.Length; i++) if (data[i].Frequency == 0) data[i] = data[i] with { Recency = 0 };
        var names = new List<string> { "r", "alpha", "a", "b" };
        for (var j = 0; j < life.Columns; j++) names.Add(string.Create(CultureInfo.InvariantCulture, $"life.{j}"));
        for (var j = 0; j < transactions.Columns; j++) names.Add(string.Create(CultureInfo.InvariantCulture, $"trans.{j}"));
        var start = new double[names.Count];
        start[0] = 1; start[1] = Math.Max(DataChecks.MeanT(cells) / 4, 1e-3); start[2] = 1; start[3] = 1;
        var likelihood = new BgNbdCovariateLikelihood(data, life, transactions);
        var fit = MaximumLikelihood.Fit(Name, [.. names], likelihood.Evaluate, start, cells.NumberOfCustomers,
            options ?? FitOptions.Default, positiveCount: 4);
        var p = fit.Parameters;
        var gl = new double[life.Columns];
        var gt = new double[transactions.Columns];
        for (var j = 0; j < gl.Length; j++) gl[j] = p[names[4 + j]];
        for (var j = 0; j < gt.Length; j++) gt[j] = p[names[4 + gl.Length + j]];
        return new BgNbdCovariateModel(p["r"], p["alpha"], p["a"], p["b"], gl, gt) { Fit = fit };
    }
}
