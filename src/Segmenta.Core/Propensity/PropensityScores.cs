namespace Segmenta.Core.Propensity;

/// <summary>Scores for the customers of a snapshot (same order): the customer feature columns <c>churn_risk</c> and <c>spend_next</c>.</summary>
/// <param name="CustomerIds">Customer ids.</param>
/// <param name="ChurnRisk">Probability of no purchase in the next window, 0–1.</param>
/// <param name="SpendNext">Expected revenue in the next window.</param>
/// <param name="ChurnModel">The churn model that produced <paramref name="ChurnRisk"/>.</param>
/// <param name="SpendModel">The spend model that produced <paramref name="SpendNext"/>.</param>
/// <param name="WindowDays">The window length in days.</param>
public sealed record PropensityScores(
    IReadOnlyList<string> CustomerIds, double[] ChurnRisk, double[] SpendNext, string ChurnModel, string SpendModel, int WindowDays)
{
    /// <summary>Column name of the churn probability.</summary>
    public const string ChurnRiskColumn = "churn_risk";

    /// <summary>Column name of the expected spend.</summary>
    public const string SpendNextColumn = "spend_next";

    /// <summary>The two columns, for <see cref="Ports.ISegmentationEngine.AddFeatureColumnsAsync"/>.</summary>
    public IReadOnlyList<(string Name, double[] Values)> Columns => [(ChurnRiskColumn, ChurnRisk), (SpendNextColumn, SpendNext)];
}
