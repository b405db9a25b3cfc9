using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Clv;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Models;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta fit</c>: maximum-likelihood fit of a customer-base model.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fit", "Fit a customer-base model (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma, shifted-beta-geometric) by maximum likelihood.");
        var model = new Option<string>("--model", "-m") { Description = "bgnbd | paretonbd | mbgnbd | bgbb | gammagamma | sbg", Required = true };
        var input = new Option<FileInfo?>("--input", "-i") { Description = "Transactions file (as for segment)." };
        var summary = new Option<FileInfo?>("--summary") { Description = "One row per customer: frequency, recency, T [, monetary_value, weight]; for bgbb: frequency, recency, periods, weights." };
        var survival = new Option<FileInfo?>("--survival") { Description = "Retention series for sbg: a year or period column and a survival column." };
        var column = new Option<string?>("--column") { Description = "The survival column of --survival." };
        var fitPeriods = new Option<int>("--fit-periods") { Description = "Periods of the survival series used for fitting.", DefaultValueFactory = _ => 7 };
        var db = new Option<string>("--db") { Description = "DuckDB store (with --input).", DefaultValueFactory = _ => ":memory:" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var times = new ModelOptions();
        foreach (var o in new Option[] { model, input, summary, survival, column, fitPeriods, db, json }) command.Add(o);
        times.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var name = ModelKind.Check(parse.GetRequiredValue(model), ModelKind.All);
            var sources = new object?[] { parse.GetValue(input), parse.GetValue(summary), parse.GetValue(survival) }.Count(s => s is not null);
            if (sources != 1) throw new UsageException("give exactly one of --input FILE, --summary FILE or --survival FILE.");
            var unit = times.Unit(parse);
            var end = times.End(parse);
            CalibrationData? cached = null;
            CalibrationData Histories()
            {
                if (cached is not null) return cached;
                if (parse.GetValue(summary) is { } s)
                    return cached = name == "bgbb" ? CalibrationLoader.FromBgBbFile(s.FullName) : CalibrationLoader.FromSummaryFile(s.FullName);
                if (parse.GetValue(input) is { } f)
                {
                    using var connection = DuckDbStore.Open(parse.GetRequiredValue(db));
                    Importer.Import(connection, new ImportOptions { Path = f.FullName }, ct);
                    return cached = CalibrationLoader.FromFeaturesAsync(new DuckDbEngine(connection), end, unit, ct).GetAwaiter().GetResult();
                }
                throw new UsageException($"--model {name} needs --input or --summary.");
            }
            double[] Survivors()
            {
                var file = parse.GetValue(survival) ?? throw new UsageException("sbg needs --survival FILE --column NAME.");
                var col = parse.GetValue(column) ?? throw new UsageException("--survival needs --column NAME (the survival column).");
                return CalibrationLoader.SurvivalSeries(file.FullName, col, parse.GetValue(fitPeriods));
            }
            var fit = await Task.Run(() => ModelFitter.Fit(name, Histories, Survivors), ct).ConfigureAwait(false);
            var warnings = cached is null ? [] : ModelFitter.Readiness(name, cached);
            if (parse.GetValue(json))
            {
                var result = ToJson(name, fit);
                result["warnings"] = ReadinessOutput.ToJson(warnings);
                await context.Out.WriteLineAsync(RunSummary.Print(result)).ConfigureAwait(false);
            }
            else
            {
                ReadinessOutput.Print(context, warnings);
                Print(context, name, fit);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static JsonObject ToJson(string name, ModelFit fit) => new()
    {
        ["model"] = name,
        ["params"] = new JsonObject([.. fit.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Math.Round(p.Value, 6)))]),
        ["stderr"] = new JsonObject([.. fit.StandardErrors.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)(double.IsFinite(p.Value) ? Math.Round(p.Value, 6) : null)))]),
        ["ci95"] = new JsonObject([.. fit.ConfidenceIntervals.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray(Math.Round(p.Value.Lower, 6), Math.Round(p.Value.Upper, 6))))]),
        ["loglik"] = Math.Round(fit.LogLikelihood, 4),
        ["n_customers"] = fit.NumberOfCustomers,
        ["converged"] = fit.Converged,
        ["iterations"] = fit.Iterations,
    };

    private static void Print(CliContext context, string name, ModelFit fit)
    {
        var inv = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"{name}: {fit.NumberOfCustomers.ToString("N0", inv)} customers, log-likelihood {fit.LogLikelihood.ToString("F2", inv)}, {(fit.Converged ? "converged" : "NOT converged")} in {fit.Iterations} iterations");
        foreach (var (p, v) in fit.Parameters)
        {
            var se = fit.StandardErrors.TryGetValue(p, out var s) ? s : double.NaN;
            var ci = fit.ConfidenceIntervals.TryGetValue(p, out var c) ? $"  95% CI [{c.Lower.ToString("G5", inv)}, {c.Upper.ToString("G5", inv)}]" : "";
            context.Out.WriteLine($"  {p,-6} = {v.ToString("G6", inv),-10}  s.e. {se.ToString("G3", inv)}{ci}");
        }
    }
}
