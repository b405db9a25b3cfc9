namespace Segmenta.Core.Propensity;

/// <summary>
/// Compares churn and spend models on a calibration / holdout split and scores customers with the chosen ones.
/// Protocol: the cohort is split at random (seeded) into training and test customers; learners are trained on the
/// training customers' features (as of the calibration end) and holdout outcomes, and every metric is computed on
/// the test customers only. The BG/NBD baseline is fitted on the whole cohort's calibration histories, which never
/// show it the holdout, and scored on the same test customers.
/// </summary>
public static class PropensityModels
{
    /// <summary>Evaluates every learner of <paramref name="options"/> and the BG/NBD baselines; chooses the defaults.</summary>
    /// <exception cref="SegmentaInputException">Too few customers, or a model name that is not a candidate.</exception>
    public static PropensityEvaluation Evaluate(PropensityDataset data, PropensityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new PropensityOptions();
        if (options.TestShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), "TestShare must lie strictly between 0 and 1.");
        if (data.Count < 20)
            throw new SegmentaInputException($"Propensity models need at least 20 customers in the calibration period; there are {data.Count}. Move the calibration end later. / 倾向模型至少需要 20 个校准期客户。");
        var (train, test) = Split(data.Count, options.TestShare, options.Seed);
        var xTrain = data.Features.Subset(train);
        var xTest = data.Features.Subset(test);
        var yTrain = train.Select(i => data.Churned[i]).ToArray();
        var yTest = test.Select(i => data.Churned[i]).ToArray();
        var sTrain = train.Select(i => data.SpendNext[i]).ToArray();
        var sTest = test.Select(i => data.SpendNext[i]).ToArray();
        var notes = new List<string>();
        var churnReports = new List<ChurnModelReport>();
        var spendReports = new List<SpendModelReport>();
        var churnScores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var spendScores = new Dictionary<string, double[]>(StringComparer.Ordinal);

        foreach (var learner in options.Learners)
        {
            var churn = learner.TrainChurn(xTrain, yTrain, options.Seed);
            var churnAll = churn.Score(data.Features);
            churnScores[learner.Name] = churnAll;
            var churnTest = test.Select(i => churnAll[i]).ToArray();
            var importance = ChurnImportance(churn, xTest, yTest, churnTest, options);
            churnReports.Add(ChurnReport(learner.Name, churnTest, yTest, options, importance));

            var spend = learner.TrainSpend(xTrain, sTrain, options.Seed);
            var spendAll = spend.Score(data.Features);
            spendScores[learner.Name] = spendAll;
            var spendTest = test.Select(i => spendAll[i]).ToArray();
            spendReports.Add(SpendReport(learner.Name, spendTest, sTest, SpendImportance(spend, xTest, sTest, spendTest, options)));
        }

        double[]? pAlive = null;
        try
        {
            var baseline = BgNbdBaseline.Fit(data.Snapshot);
            var quiet = baseline.ProbabilityNoPurchase(data.WindowDays);
            var notAlive = baseline.OneMinusPAlive();
            pAlive = [.. notAlive.Select(v => 1 - v)];
            churnScores[BgNbdBaseline.Name] = quiet;
            churnScores[BgNbdBaseline.PAliveName] = notAlive;
            churnReports.Add(ChurnReport(BgNbdBaseline.Name, [.. test.Select(i => quiet[i])], yTest, options, []));
            churnReports.Add(ChurnReport(BgNbdBaseline.PAliveName, [.. test.Select(i => notAlive[i])], yTest, options, []));
            if (baseline.ExpectedSpend(data.WindowDays) is { } expected)
            {
                spendScores[BgNbdBaseline.Name] = expected;
                spendReports.Add(SpendReport(BgNbdBaseline.Name, [.. test.Select(i => expected[i])], sTest, []));
            }
            else
            {
                notes.Add("Gamma-Gamma could not be fitted (too few repeat buyers with positive spend): no BG/NBD spend baseline.");
            }
        }
        catch (SegmentaInputException ex)
        {
            notes.Add("BG/NBD baseline not available: " + ex.Message);
        }

        var (churnModel, spendModel) = Choose(options.Model, churnReports, spendReports);
        var report = new PropensityReport(
            data.Snapshot.AsOf, data.WindowDays, data.Count, train.Length, test.Length,
            data.Churned.Count(c => c) / (double)data.Count, churnReports, spendReports, churnModel, spendModel, notes);
        var isTest = new bool[data.Count];
        foreach (var i in test) isTest[i] = true;
        return new PropensityEvaluation(report, isTest, churnScores[churnModel], spendScores[spendModel], pAlive);
    }

    /// <summary>
    /// Scores <paramref name="current"/> with the chosen models: a learner is retrained on every customer of
    /// <paramref name="training"/> (features at its calibration end, outcomes in its window) and applied to the
    /// current features; the BG/NBD baselines are refitted on the current histories and predict the next
    /// <see cref="PropensityDataset.WindowDays"/> days.
    /// </summary>
    public static PropensityScores Score(PropensityDataset training, CustomerSnapshot current, string churnModel, string spendModel, PropensityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new PropensityOptions();
        var features = PropensityFeatures.Build(current);
        BgNbdBaseline? baseline = null;
        BgNbdBaseline Baseline() => baseline ??= BgNbdBaseline.Fit(current);
        var churn = churnModel switch
        {
            BgNbdBaseline.Name => Baseline().ProbabilityNoPurchase(training.WindowDays),
            BgNbdBaseline.PAliveName => Baseline().OneMinusPAlive(),
            _ => Learner(options, churnModel).TrainChurn(training.Features, training.Churned, options.Seed).Score(features),
        };
        var spend = spendModel == BgNbdBaseline.Name
            ? Baseline().ExpectedSpend(training.WindowDays) ?? throw new SegmentaInputException("The BG/NBD spend baseline needs a Gamma-Gamma fit, which failed on these customers.")
            : Learner(options, spendModel).TrainSpend(training.Features, training.SpendNext, options.Seed).Score(features);
        return new PropensityScores(current.CustomerIds, churn, spend, churnModel, spendModel, training.WindowDays);
    }

    private static IPropensityLearner Learner(PropensityOptions options, string name) =>
        options.Learners.FirstOrDefault(l => l.Name == name)
        ?? throw new SegmentaInputException($"Unknown propensity model \"{name}\". Use {string.Join(", ", options.Learners.Select(l => l.Name).Append(BgNbdBaseline.Name).Append(PropensityOptions.Auto))}.");

    private static (string Churn, string Spend) Choose(string requested, List<ChurnModelReport> churn, List<SpendModelReport> spend)
    {
        var bestSpend = spend.Where(s => double.IsFinite(s.RootMeanSquaredError)).OrderBy(s => s.RootMeanSquaredError).Select(s => s.Model).FirstOrDefault()
            ?? spend[0].Model;
        if (requested == PropensityOptions.Auto)
        {
            // The highest AUC wins; ties keep candidate order (learners first). NaN (one class only) never wins.
            var best = churn.Where(c => double.IsFinite(c.Auc.Auc)).OrderByDescending(c => c.Auc.Auc).Select(c => c.Model).FirstOrDefault() ?? churn[0].Model;
            return (best, bestSpend);
        }
        if (churn.All(c => c.Model != requested))
            throw new SegmentaInputException($"Unknown propensity model \"{requested}\". Use {PropensityOptions.Auto}, {string.Join(", ", churn.Select(c => c.Model))}. / 未知的倾向模型。");
        return (requested, spend.Any(s => s.Model == requested) ? requested : bestSpend);
    }

    private static ChurnModelReport ChurnReport(string name, double[] predicted, bool[] observed, PropensityOptions options, IReadOnlyList<FeatureImportance> importance) =>
        new(name, RocAuc.Compute(predicted, observed), Calibration.Brier(predicted, observed), Calibration.Table(predicted, observed, options.CalibrationBins), importance);

    private static SpendModelReport SpendReport(string name, double[] predicted, double[] actual, IReadOnlyList<FeatureImportance> importance)
    {
        var n = actual.Length;
        double abs = 0, sq = 0, mean = actual.Average(), sst = 0;
        for (var i = 0; i < n; i++)
        {
            var d = predicted[i] - actual[i];
            abs += Math.Abs(d);
            sq += d * d;
            sst += (actual[i] - mean) * (actual[i] - mean);
        }
        return new SpendModelReport(name, abs / n, Math.Sqrt(sq / n), sst > 0 ? 1 - (sq / sst) : double.NaN, predicted.Sum(), actual.Sum(), importance);
    }

    private static double Rmse(double[] predicted, double[] actual)
    {
        var sq = 0.0;
        for (var i = 0; i < actual.Length; i++) sq += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
        return Math.Sqrt(sq / actual.Length);
    }

    private static List<FeatureImportance> ChurnImportance(IPropensityScorer model, FeatureMatrix x, bool[] y, double[] scores, PropensityOptions options)
    {
        var baseAuc = RocAuc.Compute(scores, y).Auc;
        var coefficients = (model as LogisticModel)?.Coefficients;
        return Permuted(x, options, permuted => baseAuc - RocAuc.Compute(model.Score(permuted), y).Auc, coefficients);
    }

    private static List<FeatureImportance> SpendImportance(IPropensityScorer model, FeatureMatrix x, double[] actual, double[] predicted, PropensityOptions options)
    {
        var baseRmse = Rmse(predicted, actual);
        var coefficients = (model as TwoPartSpendModel)?.Amount?.Coefficients;
        return Permuted(x, options, permuted => Rmse(model.Score(permuted), actual) - baseRmse, coefficients);
    }

    private static List<FeatureImportance> Permuted(FeatureMatrix x, PropensityOptions options, Func<FeatureMatrix, double> loss, double[]? coefficients)
    {
        var result = new List<FeatureImportance>(x.Columns);
        for (var j = 0; j < x.Columns; j++)
        {
            var drop = double.NaN;
            if (options.PermutationRepeats > 0 && x.Rows > 1)
            {
                // One stream per feature, so a feature's importance does not depend on the columns before it.
                var rng = new Random(unchecked((options.Seed * 7919) + j));
                var total = 0.0;
                for (var r = 0; r < options.PermutationRepeats; r++)
                {
                    var perm = Enumerable.Range(0, x.Rows).ToArray();
                    rng.Shuffle(perm);
                    total += loss(x.WithColumnPermuted(j, perm));
                }
                drop = total / options.PermutationRepeats;
            }
            result.Add(new FeatureImportance(x.Names[j], drop, coefficients?[j] ?? double.NaN));
        }
        return [.. result.OrderByDescending(f => double.IsNaN(f.PermutationDrop) ? double.NegativeInfinity : f.PermutationDrop)];
    }

    private static (int[] Train, int[] Test) Split(int n, double testShare, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var testCount = Math.Clamp((int)Math.Round(n * testShare, MidpointRounding.AwayFromZero), 1, n - 1);
        var test = order[..testCount];
        var train = order[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return (train, test);
    }
}
