using Segmenta.Core;
using Segmenta.Core.Clv;

namespace Segmenta.Data.Models;

/// <summary>Fits a model by its CLI name; the one place that maps names to Core's model classes.</summary>
public static class ModelFitter
{
    /// <summary>Fits a transaction model (bgnbd, paretonbd, mbgnbd) on compressed histories.</summary>
    public static ITransactionModel FitTransactionModel(string model, CalibrationData data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cells = HistoryCells.Compress(data.Histories);
        return ModelKind.Check(model, ModelKind.TransactionModels) switch
        {
            "bgnbd" => BgNbd.Fit(cells, options),
            "paretonbd" => ParetoNbd.Fit(cells, options),
            _ => MbgNbd.Fit(cells, options),
        };
    }

    /// <summary>The fit summary of a transaction model fitted here.</summary>
    public static ModelFit FitOf(ITransactionModel model) => model switch
    {
        BgNbdModel m => m.Fit!,
        ParetoNbdModel m => m.Fit!,
        MbgNbdModel m => m.Fit!,
        _ => throw new ArgumentException("Unknown model type.", nameof(model)),
    };

    /// <summary>Fits Gamma-Gamma on the repeat buyers' mean repeat spend.</summary>
    public static GammaGammaModel FitSpend(CalibrationData data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var spend = data.SpendHistories();
        if (spend.Length == 0)
            throw new SegmentaInputException("Gamma-Gamma needs repeat buyers with a positive mean spend: there are none (a summary file needs a monetary_value column).");
        return GammaGamma.Fit(spend, options);
    }

    /// <summary>
    /// The data-readiness warnings for a model on these histories (<see cref="DataReadiness.Check"/>): repeat buyers for
    /// the transaction models, the horizon against the longest history, and the spend checks when a spend model is fitted.
    /// Empty for models that do not fit (x, tₓ, T) histories (bgbb, sbg).
    /// </summary>
    public static IReadOnlyList<ReadinessWarning> Readiness(string model, CalibrationData data, double horizon = 0, bool withSpend = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var name = ModelKind.Check(model, ModelKind.All);
        if (name is "bgbb" or "sbg") return [];
        var spend = withSpend || name == "gammagamma" ? data.SpendHistories() : [];
        var warnings = DataReadiness.Check(HistoryCells.Compress(data.Histories), horizon, spend);
        // Gamma-Gamma alone is not about repeat purchases over time: keep only its spend warnings.
        return name == "gammagamma" ? [.. warnings.Where(w => w.Code.Contains("spend", StringComparison.Ordinal))] : warnings;
    }

    /// <summary>Fits any model by name on the given inputs: histories (summary or transactions), BG/BB patterns, or a survival series.</summary>
    public static ModelFit Fit(string model, Func<CalibrationData> histories, Func<double[]>? survivors = null, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        switch (ModelKind.Check(model, ModelKind.All))
        {
            case "gammagamma":
                return FitSpend(histories(), options).Fit!;
            case "bgbb":
                return BgBb.Fit(HistoryCells.Compress(histories().Histories), options).Fit!;
            case "sbg":
                if (survivors is null) throw new SegmentaInputException("sbg fits a retention series: give --survival FILE --column NAME.");
                return ShiftedBetaGeometric.Fit(survivors(), options).Fit!;
            default:
                return FitOf(FitTransactionModel(model, histories(), options));
        }
    }
}
