using Segmenta.Core.Ports;
using Segmenta.Core.Propensity;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// The propensity part of a segmentation run: learn from the last window before the as-of date, evaluate, choose,
/// and score every current customer for the next window.
/// </summary>
public static class PropensityStep
{
    /// <summary>What the step produced.</summary>
    /// <param name="Evaluation">The comparison of the models on the training window (report and per-customer scores of that cohort).</param>
    /// <param name="Scores">churn_risk and spend_next of every customer as of the run's as-of date.</param>
    public sealed record Result(PropensityEvaluation Evaluation, PropensityScores Scores);

    /// <summary>
    /// Features as of <c>asOf − window</c> and outcomes in (asOf − window, asOf] train and evaluate the models
    /// (<see cref="PropensityModels.Evaluate"/>); the chosen ones score the features as of <paramref name="asOf"/>.
    /// </summary>
    /// <exception cref="SegmentaInputException">Too little history before the window.</exception>
    public static async Task<Result> RunAsync(IPropensitySource source, DateOnly asOf, PropensityFeatureOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WindowDays);
        var trainEnd = asOf.AddDays(-options.WindowDays);
        var training = await source.SnapshotAsync(trainEnd, cancellationToken).ConfigureAwait(false);
        if (training.Count < 20)
            throw new SegmentaInputException(
                $"--propensity: only {training.Count} customers bought on or before {trainEnd:yyyy-MM-dd} (as-of {asOf:yyyy-MM-dd} minus the {options.WindowDays}-day window); need at least 20. Use a shorter --propensity-days. / 预测窗口之前的客户太少，请缩短 --propensity-days。");
        var window = await source.ActivityAsync(trainEnd, asOf, cancellationToken).ConfigureAwait(false);
        var data = PropensityDataset.Create(training, window, options.WindowDays);
        var evaluation = PropensityModels.Evaluate(data, options.Models);
        var current = await source.SnapshotAsync(asOf, cancellationToken).ConfigureAwait(false);
        var scores = PropensityModels.Score(data, current, evaluation.Report.DefaultChurnModel, evaluation.Report.DefaultSpendModel, options.Models);
        return new Result(evaluation, scores);
    }
}
