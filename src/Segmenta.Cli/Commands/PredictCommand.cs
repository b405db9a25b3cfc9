using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Models;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta predict</c>: fit on the calibration period, then per-customer P(alive), expected purchases and CLV.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("predict", "Fit a transaction model (and optionally Gamma-Gamma) and write each customer's P(alive), expected purchases, expected spend and CLV to DIR/predictions.csv.");
        var input = new Option<FileInfo>("--input", "-i") { Description = "Transactions file (as for segment).", Required = true };
        var model = new Option<string>("--model", "-m") { Description = "bgnbd | paretonbd | mbgnbd", DefaultValueFactory = _ => "bgnbd" };
        var spendModel = new Option<string?>("--spend-model") { Description = "gammagamma: adds exp_spend and clv." };
        var horizon = new Option<double>("--horizon") { Description = "Prediction horizon in --time-unit units.", Required = true };
        var discount = new Option<double>("--discount-monthly") { Description = "Monthly discount rate for CLV (e.g. 0.01).", DefaultValueFactory = _ => 0 };
        var margin = new Option<double>("--margin") { Description = "Profit margin as a fraction of revenue (1 = revenue CLV).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "segmenta-output" };
        var db = new Option<string>("--db") { Description = "DuckDB store.", DefaultValueFactory = _ => ":memory:" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var intervals = new Option<bool>("--intervals") { Description = "Add exp_purchases_lo and exp_purchases_hi: delta-method 95% intervals from the parameter covariance." };
        var times = new ModelOptions();
        foreach (var o in new Option[] { input, model, spendModel, horizon, discount, margin, output, db, json, intervals }) command.Add(o);
        times.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new PredictionOptions
            {
                Model = ModelKind.Check(parse.GetRequiredValue(model), ModelKind.TransactionModels),
                SpendModel = parse.GetValue(spendModel) is { } s ? ModelKind.Check(s, ["gammagamma"]) : null,
                TimeUnit = times.Unit(parse),
                Horizon = parse.GetValue(horizon) is var h && h > 0 ? h : throw new UsageException("--horizon must be positive."),
                DiscountMonthly = parse.GetValue(discount) is var d && d >= 0 ? d : throw new UsageException("--discount-monthly must be ≥ 0."),
                Margin = parse.GetValue(margin) is var m && m is >= 0 and <= 1 ? m : throw new UsageException("--margin is a fraction between 0 and 1."),
                Intervals = parse.GetValue(intervals),
            };
            using var connection = DuckDbStore.Open(parse.GetRequiredValue(db));
            var load = Importer.Import(connection, new ImportOptions { Path = parse.GetRequiredValue(input).FullName }, ct);
            var data = await CalibrationLoader.FromFeaturesAsync(new DuckDbEngine(connection), times.End(parse), options.TimeUnit, ct).ConfigureAwait(false);
            var warnings = ModelFitter.Readiness(options.Model, data, options.Horizon, options.SpendModel is not null);
            if (!parse.GetValue(json)) ReadinessOutput.Print(context, warnings);
            var transactionModel = ModelFitter.FitTransactionModel(options.Model, data);
            var spend = options.SpendModel is null ? null : ModelFitter.FitSpend(data);
            var dir = parse.GetRequiredValue(output);
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "predictions.csv");
            var rows = PredictionWriter.Write(path, data, transactionModel, spend, options);
            var result = new JsonObject
            {
                ["rows_read"] = load.RowsRead,
                ["customers"] = rows,
                ["model"] = FitCommand.ToJson(options.Model, ModelFitter.FitOf(transactionModel)),
                ["spend_model"] = spend is null ? null : FitCommand.ToJson("gammagamma", spend.Fit!),
                ["horizon"] = options.Horizon,
                ["time_unit"] = options.TimeUnit.ToString().ToLowerInvariant(),
                ["clv_months"] = spend is null ? null : options.ClvMonths,
                ["predictions"] = path,
                ["warnings"] = ReadinessOutput.ToJson(warnings),
            };
            await context.Out.WriteLineAsync(parse.GetValue(json) ? RunSummary.Print(result)
                : string.Create(CultureInfo.InvariantCulture, $"wrote predictions for {rows:N0} customers to {path}")).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
