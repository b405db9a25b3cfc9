using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Propensity;

namespace Segmenta.Data.Propensity;

/// <summary>The propensity report as JSON (<c>propensity --json</c>, <c>metrics.json</c> and summary.json's <c>propensity</c>).</summary>
public static class PropensityJson
{
    /// <summary>The report as a JSON object.</summary>
    public static JsonObject Report(PropensityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["calibration_end"] = report.CalibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["window_days"] = report.WindowDays,
            ["customers"] = report.Customers,
            ["train_customers"] = report.TrainCustomers,
            ["test_customers"] = report.TestCustomers,
            ["churn_rate"] = Round(report.ChurnRate),
            ["default_churn_model"] = report.DefaultChurnModel,
            ["default_spend_model"] = report.DefaultSpendModel,
            ["churn"] = new JsonArray([.. report.Churn.Select(c => (JsonNode)new JsonObject
            {
                ["model"] = c.Model,
                ["auc"] = Round(c.Auc.Auc),
                ["auc_se"] = Round(c.Auc.StandardError),
                ["brier"] = Round(c.Brier),
                ["calibration"] = new JsonArray([.. c.Calibration.Select(b => (JsonNode)new JsonObject
                {
                    ["bin"] = b.Bin,
                    ["customers"] = b.Customers,
                    ["mean_predicted"] = Round(b.MeanPredicted),
                    ["observed"] = Round(b.ObservedRate),
                })]),
                ["importance"] = Importance(c.Importance),
            })]),
            ["spend"] = new JsonArray([.. report.Spend.Select(s => (JsonNode)new JsonObject
            {
                ["model"] = s.Model,
                ["mae"] = Round(s.MeanAbsoluteError),
                ["rmse"] = Round(s.RootMeanSquaredError),
                ["r2"] = Round(s.RSquared),
                ["predicted_total"] = Round(s.PredictedTotal),
                ["actual_total"] = Round(s.ActualTotal),
                ["importance"] = Importance(s.Importance),
            })]),
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode?)n)]),
        };
    }

    /// <summary>The propensity part of a segmentation run: the models' comparison on the training window and the columns added.</summary>
    public static JsonObject Run(Core.Pipelines.PropensityStep.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = Report(result.Evaluation.Report);
        json["scored_customers"] = result.Scores.CustomerIds.Count;
        json["churn_model"] = result.Scores.ChurnModel;
        json["spend_model"] = result.Scores.SpendModel;
        json["columns"] = new JsonArray([.. result.Scores.Columns.Select(c => (JsonNode?)c.Name)]);
        json["churn_risk_band_breaks"] = new JsonArray(JsonValue.Create(ChurnRiskBand.MediumFrom), JsonValue.Create(ChurnRiskBand.HighFrom));
        return json;
    }

    private static JsonArray Importance(IReadOnlyList<FeatureImportance> importance) =>
        new([.. importance.Select(f => (JsonNode)new JsonObject
        {
            ["feature"] = f.Feature,
            ["permutation_drop"] = Round(f.PermutationDrop),
            ["standardised_coefficient"] = Round(f.StandardisedCoefficient),
        })]);

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
