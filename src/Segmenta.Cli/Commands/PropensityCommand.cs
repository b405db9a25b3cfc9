using System.CommandLine;
using System.Globalization;
using Segmenta.Core.Propensity;
using Segmenta.Data.Learning;
using Segmenta.Data.Propensity;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta propensity</c>: churn and spend models on a calibration / holdout split, compared with BG/NBD.</summary>
internal static class PropensityCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("propensity", "Churn and next-period spend models (logistic regression, FastTree) trained on features as of the calibration end and outcomes in the holdout window; AUC, calibration and feature importance compared with BG/NBD P(alive). 流失与消费倾向模型。");
        var source = new SourceOptions();
        var calibrationEnd = new Option<string>("--calibration-end") { Description = "Last day of the calibration period (inclusive), yyyy-MM-dd.", Required = true };
        var holdoutEnd = new Option<string>("--holdout-end") { Description = "Last day of the holdout window (inclusive), yyyy-MM-dd.", Required = true };
        var model = new Option<string>("--model", "-m") { Description = "auto (highest AUC), logistic, fasttree, bgnbd or bgnbd_p_alive.", DefaultValueFactory = _ => PropensityOptions.Auto };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/test split.", DefaultValueFactory = _ => PropensityOptions.DefaultSeed };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder for propensity_scores.csv and propensity_metrics.json." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        source.AddTo(command);
        foreach (var o in new Option[] { calibrationEnd, holdoutEnd, model, seed, output, json, lang }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetRequiredValue(model).ToLowerInvariant();
            if (!PropensityLearners.ModelNames.Contains(name))
                throw new UsageException($"--model {name}: use {string.Join(", ", PropensityLearners.ModelNames)}.");
            var request = new PropensityRequest
            {
                Transactions = source.Transactions(parse),
                Database = source.Database(parse),
                CalibrationEnd = CliDates.Parse("--calibration-end", parse.GetValue(calibrationEnd)),
                HoldoutEnd = CliDates.Parse("--holdout-end", parse.GetValue(holdoutEnd)),
                Models = new PropensityOptions { Learners = PropensityLearners.All, Model = name, Seed = parse.GetValue(seed) },
                OutputDirectory = parse.GetValue(output),
            };
            if (request.HoldoutEnd <= request.CalibrationEnd) throw new UsageException("--holdout-end must be after --calibration-end. / 验证期结束日必须晚于校准期结束日。");
            var result = await PropensityRunner.RunAsync(request, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var node = PropensityJson.Report(result.Evaluation.Report);
                node["files"] = new System.Text.Json.Nodes.JsonObject([.. result.Files.Select(f => KeyValuePair.Create(f.Key, (System.Text.Json.Nodes.JsonNode?)f.Value))]);
                await context.Out.WriteLineAsync(RunSummary.Print(node)).ConfigureAwait(false);
            }
            else
            {
                Print(context, result, Language.Resolve(parse.GetValue(lang)));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliContext context, PropensityRunner.Result result, string language)
    {
        var zh = language == Language.Chinese;
        var r = result.Evaluation.Report;
        var inv = CultureInfo.InvariantCulture;
        var o = context.Out;
        o.WriteLine(zh
            ? string.Create(inv, $"{r.Customers:N0} 位客户（校准期截至 {r.CalibrationEnd:yyyy-MM-dd}），验证窗口 {r.WindowDays} 天流失率 {r.ChurnRate:P1}；训练 {r.TrainCustomers:N0} / 测试 {r.TestCustomers:N0}")
            : string.Create(inv, $"{r.Customers:N0} customers as of {r.CalibrationEnd:yyyy-MM-dd}; churn (no purchase in the {r.WindowDays}-day holdout) {r.ChurnRate:P1}; train {r.TrainCustomers:N0} / test {r.TestCustomers:N0}"));
        o.WriteLine(zh ? "流失模型            AUC (±SE)          Brier" : "churn model         AUC (±SE)          Brier");
        foreach (var c in r.Churn)
            o.WriteLine(string.Create(inv, $"  {c.Model,-16}  {c.Auc.Auc,6:F4} (±{c.Auc.StandardError:F4})  {c.Brier,7:F4}{(c.Model == r.DefaultChurnModel ? (zh ? "  ← 默认" : "  ← default") : "")}"));
        o.WriteLine(zh ? "消费模型            MAE        RMSE       R²" : "spend model         MAE        RMSE       R²");
        foreach (var s in r.Spend)
            o.WriteLine(string.Create(inv, $"  {s.Model,-16}  {s.MeanAbsoluteError,9:F2}  {s.RootMeanSquaredError,9:F2}  {s.RSquared,6:F3}{(s.Model == r.DefaultSpendModel ? (zh ? "  ← 默认" : "  ← default") : "")}"));
        var best = r.ChurnOf(r.DefaultChurnModel);
        if (best.Calibration.Count > 0)
        {
            o.WriteLine(zh ? $"校准表（{best.Model}，按预测分十组）：组  客户  平均预测  实际流失率" : $"calibration ({best.Model}, deciles of the prediction): bin  customers  mean predicted  observed");
            foreach (var b in best.Calibration)
                o.WriteLine(string.Create(inv, $"  {b.Bin,3}  {b.Customers,9:N0}  {b.MeanPredicted,14:F3}  {b.ObservedRate,8:F3}"));
        }
        var learner = r.Churn.FirstOrDefault(c => c.Importance.Count > 0 && c.Model == r.DefaultChurnModel) ?? r.Churn.FirstOrDefault(c => c.Importance.Count > 0);
        if (learner is not null)
        {
            o.WriteLine(zh ? $"特征重要性（{learner.Model}，打乱后 AUC 下降）：" : $"feature importance ({learner.Model}, AUC drop when shuffled):");
            foreach (var f in learner.Importance)
                o.WriteLine(string.Create(inv, $"  {f.Feature,-22} {f.PermutationDrop,8:F4}{(double.IsNaN(f.StandardisedCoefficient) ? "" : $"   β(std) {f.StandardisedCoefficient,8:F3}")}"));
        }
        foreach (var note in r.Notes) o.WriteLine((zh ? "注意：" : "note: ") + note);
        foreach (var (key, path) in result.Files) o.WriteLine($"wrote {key}: {path}");
    }
}
