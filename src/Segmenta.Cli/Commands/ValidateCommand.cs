using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Validation;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Models;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta validate</c>: fit on the calibration period and compare with the holdout period.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Fit a transaction model on the calibration period and compare its predictions with the holdout period: conditional expectations by frequency, MAE/RMSE and the weekly tracking plot.");
        var input = new Option<FileInfo>("--input", "-i") { Description = "Transactions file (as for segment).", Required = true };
        var model = new Option<string>("--model", "-m") { Description = "bgnbd | paretonbd | mbgnbd", DefaultValueFactory = _ => "bgnbd" };
        var holdoutEnd = new Option<string>("--holdout-end") { Description = "Last day of the holdout period (inclusive), yyyy-MM-dd.", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder for holdout_by_frequency.csv, tracking_weekly.csv and calibration_histogram.csv (optional)." };
        var db = new Option<string>("--db") { Description = "DuckDB store.", DefaultValueFactory = _ => ":memory:" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var times = new ModelOptions();
        foreach (var o in new Option[] { input, model, holdoutEnd, output, db, json }) command.Add(o);
        times.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var name = ModelKind.Check(parse.GetRequiredValue(model), ModelKind.TransactionModels);
            var unit = times.Unit(parse);
            var calibrationEnd = times.End(parse) ?? throw new UsageException("validate needs --calibration-end DATE (the last calibration day).");
            var text = parse.GetRequiredValue(holdoutEnd);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                throw new UsageException($"--holdout-end \"{text}\" is not a date: write it as yyyy-MM-dd, e.g. 1998-06-30.");
            if (end <= calibrationEnd) throw new UsageException("--holdout-end must be after --calibration-end.");

            using var connection = DuckDbStore.Open(parse.GetRequiredValue(db));
            Importer.Import(connection, new ImportOptions { Path = parse.GetRequiredValue(input).FullName }, ct);
            var engine = new DuckDbEngine(connection);
            var data = await CalibrationLoader.FromFeaturesAsync(engine, calibrationEnd, unit, ct).ConfigureAwait(false);
            var fitted = ModelFitter.FitTransactionModel(name, data);
            var holdout = HoldoutLoader.Load(engine, data, calibrationEnd, end);
            var predicted = new double[data.Histories.Length];
            fitted.ExpectedPurchases(TimeUnits.FromDays(end.DayNumber - calibrationEnd.DayNumber, unit), data.Histories, predicted);
            var comparison = HoldoutValidation.Compare(data.Histories, predicted, holdout.Actual);
            var tracking = HoldoutValidation.Tracking(fitted, unit, holdout.Cohorts, holdout.RepeatsByDay, holdout.LastDay);
            var histogram = fitted is BgNbdModel bg ? HoldoutValidation.CalibrationHistogram(bg, data.Histories) : null;

            if (parse.GetValue(output) is { } dir)
            {
                Directory.CreateDirectory(dir);
                ValidationWriter.WriteByFrequency(Path.Combine(dir, "holdout_by_frequency.csv"), comparison);
                ValidationWriter.WriteTracking(Path.Combine(dir, "tracking_weekly.csv"), tracking, holdout.Origin);
                if (histogram is not null) ValidationWriter.WriteHistogram(Path.Combine(dir, "calibration_histogram.csv"), histogram);
            }
            var fit = ModelFitter.FitOf(fitted);
            if (parse.GetValue(json))
                await context.Out.WriteLineAsync(RunSummary.Print(ToJson(name, fit, comparison, tracking, histogram))).ConfigureAwait(false);
            else
                Print(context, name, comparison, tracking, histogram, calibrationEnd, holdout);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject ToJson(string name, ModelFit fit, HoldoutComparison c, IReadOnlyList<TrackingPoint> tracking, IReadOnlyList<PurchaseCountBin>? histogram) => new()
    {
        ["model"] = name,
        ["params"] = FitCommand.ToJson(name, fit)["params"]!.DeepClone(),
        ["holdout"] = new JsonObject
        {
            ["customers"] = c.Customers,
            ["predicted_total"] = Math.Round(c.PredictedTotal, 4),
            ["actual_total"] = c.ActualTotal,
            ["mae"] = Math.Round(c.MeanAbsoluteError, 6),
            ["rmse"] = Math.Round(c.RootMeanSquaredError, 6),
            ["by_frequency"] = new JsonArray([.. c.ByFrequency.Select(b => (JsonNode)new JsonObject
            {
                ["frequency"] = b.Label,
                ["customers"] = b.Customers,
                ["mean_predicted"] = double.IsNaN(b.MeanPredicted) ? null : Math.Round(b.MeanPredicted, 6),
                ["mean_actual"] = double.IsNaN(b.MeanActual) ? null : Math.Round(b.MeanActual, 6),
            })]),
        },
        ["tracking"] = new JsonArray([.. tracking.Select(p => (JsonNode)new JsonObject
        {
            ["week"] = p.Week,
            ["actual_cumulative"] = p.ActualCumulative,
            ["model_cumulative"] = Math.Round(p.ModelCumulative, 4),
        })]),
        ["calibration_histogram"] = histogram is null ? null : new JsonArray([.. histogram.Select(b => (JsonNode)new JsonObject
        {
            ["purchases"] = b.Label,
            ["actual"] = b.ActualCustomers,
            ["model"] = Math.Round(b.ModelCustomers, 4),
        })]),
    };

    private static void Print(CliContext context, string name, HoldoutComparison c, IReadOnlyList<TrackingPoint> tracking,
        IReadOnlyList<PurchaseCountBin>? histogram, DateOnly calibrationEnd, HoldoutData holdout)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = context.Out;
        o.WriteLine(string.Create(inv, $"{name}: {c.Customers:N0} customers; holdout purchase days predicted {c.PredictedTotal:F1}, actual {c.ActualTotal:F0}; MAE {c.MeanAbsoluteError:F4}, RMSE {c.RootMeanSquaredError:F4} per customer"));
        o.WriteLine("  x     customers  mean predicted  mean actual");
        foreach (var b in c.ByFrequency)
            o.WriteLine(string.Create(inv, $"  {b.Label,-4}  {b.Customers,9:N0}  {b.MeanPredicted,14:F3}  {b.MeanActual,11:F3}"));
        var calibrationDay = calibrationEnd.DayNumber - holdout.Origin.DayNumber;
        var atEnd = tracking.LastOrDefault(p => p.EndDay <= calibrationDay);
        var last = tracking[^1];
        o.WriteLine(string.Create(inv, $"tracking (cumulative repeat purchase days): week {atEnd.Week} (calibration end) actual {atEnd.ActualCumulative:F0}, model {atEnd.ModelCumulative:F1}; week {last.Week} actual {last.ActualCumulative:F0}, model {last.ModelCumulative:F1}"));
        if (histogram is null) return;
        o.WriteLine("calibration repeat purchases: k  actual  model");
        foreach (var b in histogram) o.WriteLine(string.Create(inv, $"  {b.Label,-4}  {b.ActualCustomers,6:N0}  {b.ModelCustomers,8:F1}"));
    }
}
