namespace Segmenta.Core.Propensity;

/// <summary>The comparison of every churn and spend model on one calibration / holdout split.</summary>
/// <param name="CalibrationEnd">Features are as of this day.</param>
/// <param name="WindowDays">Holdout window length in days.</param>
/// <param name="Customers">Customers of the calibration cohort.</param>
/// <param name="TrainCustomers">Customers the learners were trained on.</param>
/// <param name="TestCustomers">Held-out customers the metrics are computed on.</param>
/// <param name="ChurnRate">Share of all cohort customers without a purchase in the window.</param>
/// <param name="Churn">Every churn score, in candidate order.</param>
/// <param name="Spend">Every spend prediction, in candidate order.</param>
/// <param name="DefaultChurnModel">The churn model chosen (highest AUC when automatic).</param>
/// <param name="DefaultSpendModel">The spend model chosen (lowest RMSE when automatic).</param>
/// <param name="Notes">Things the user should know (e.g. a baseline that could not be fitted).</param>
public sealed record PropensityReport(
    DateOnly CalibrationEnd, int WindowDays, int Customers, int TrainCustomers, int TestCustomers, double ChurnRate,
    IReadOnlyList<ChurnModelReport> Churn, IReadOnlyList<SpendModelReport> Spend,
    string DefaultChurnModel, string DefaultSpendModel, IReadOnlyList<string> Notes)
{
    /// <summary>The report of churn model <paramref name="model"/>.</summary>
    public ChurnModelReport ChurnOf(string model) => Churn.First(c => c.Model == model);
}
