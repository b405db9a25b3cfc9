using Segmenta.Core;
using Segmenta.Core.Propensity;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Output;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Propensity;

/// <summary>
/// The <c>propensity</c> application service: import → features as of the calibration end → outcomes in the
/// holdout window → compare the models (<see cref="PropensityModels.Evaluate"/>) → scores file and metrics.
/// </summary>
public static class PropensityRunner
{
    /// <summary>Per-customer scores file name.</summary>
    public const string ScoresCsv = "propensity_scores.csv";

    /// <summary>Metrics file name.</summary>
    public const string MetricsJson = "propensity_metrics.json";

    /// <summary>What a run produced.</summary>
    /// <param name="Evaluation">The comparison and per-customer scores.</param>
    /// <param name="Dataset">The calibration / holdout data set.</param>
    /// <param name="Files">Files written, by key.</param>
    public sealed record Result(PropensityEvaluation Evaluation, PropensityDataset Dataset, IReadOnlyDictionary<string, string> Files);

    /// <summary>Runs the evaluation. Bad input throws <see cref="SegmentaInputException"/>.</summary>
    public static async Task<Result> RunAsync(PropensityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HoldoutEnd <= request.CalibrationEnd)
            throw new SegmentaInputException($"The holdout end {request.HoldoutEnd:yyyy-MM-dd} must be after the calibration end {request.CalibrationEnd:yyyy-MM-dd}. / 验证期结束日必须晚于校准期结束日。");
        using var connection = DuckDbStore.Open(request.Database);
        if (request.Transactions is { } transactions) Importer.Import(connection, transactions, cancellationToken);
        var engine = new DuckDbEngine(connection);
        var snapshot = await engine.SnapshotAsync(request.CalibrationEnd, cancellationToken).ConfigureAwait(false);
        if (snapshot.Count == 0)
            throw new SegmentaInputException($"No customer bought on or before the calibration end {request.CalibrationEnd:yyyy-MM-dd}. Choose a later --calibration-end. / 校准期内没有客户。");
        var window = await engine.ActivityAsync(request.CalibrationEnd, request.HoldoutEnd, cancellationToken).ConfigureAwait(false);
        var windowDays = request.HoldoutEnd.DayNumber - request.CalibrationEnd.DayNumber;
        var data = PropensityDataset.Create(snapshot, window, windowDays);
        var evaluation = PropensityModels.Evaluate(data, request.Models);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.OutputDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            var scores = Path.Combine(dir, ScoresCsv);
            WriteScores(connection, scores, data, evaluation);
            files["scores_csv"] = scores;
            var metrics = Path.Combine(dir, MetricsJson);
            AtomicFile.Write(metrics, temp => File.WriteAllText(temp, RunSummary.Print(PropensityJson.Report(evaluation.Report))));
            files["metrics_json"] = metrics;
        }
        return new Result(evaluation, data, files);
    }

    private static void WriteScores(DuckDB.NET.Data.DuckDBConnection connection, string path, PropensityDataset data, PropensityEvaluation e)
    {
        var ids = data.Snapshot.CustomerIds;
        ResultTable.WriteCsv(connection, path, data.Count,
        [
            new("customer_id", "VARCHAR", i => ids[i]),
            new("split", "VARCHAR", i => e.IsTest[i] ? "test" : "train"),
            new(PropensityScores.ChurnRiskColumn, "DOUBLE", i => Math.Round(e.ChurnRisk[i], 6)),
            new(PropensityScores.SpendNextColumn, "DOUBLE", i => Math.Round(e.SpendNext[i], 4)),
            new("p_alive", "DOUBLE", i => e.PAlive is null ? null : Math.Round(e.PAlive[i], 6)),
            new("churned", "BOOLEAN", i => data.Churned[i]),
            new("spend_holdout", "DOUBLE", i => Math.Round(data.SpendNext[i], 4)),
        ], "customer_id");
    }
}
