using System.CommandLine;
using System.Globalization;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Rfm;

namespace Segmenta.Cli.Commands;

/// <summary>Options of the built-in schemes and the as-of date.</summary>
internal sealed class SchemeOptions
{
    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Analysis date yyyy-MM-dd, the last day included; default: the day after the last transaction." };
    public Option<string> RfmBinning { get; } = new("--rfm-binning") { Description = "RFM scoring: quantile (Segmenta's) or r-rfm (identical to the R package rfm).", DefaultValueFactory = _ => "quantile" };
    public Option<int> RfmBins { get; } = new("--rfm-bins") { Description = "Number of RFM score levels.", DefaultValueFactory = _ => RfmOptions.DefaultBins };
    public Option<bool> Clv { get; } = new("--clv") { Description = "Fit BG/NBD + Gamma-Gamma and add p_alive, exp_purchases_<h>m, exp_spend and clv_<h>m to every customer." };
    public Option<int> ClvMonths { get; } = new("--clv-months") { Description = "CLV / expected-purchases horizon in months (with --clv).", DefaultValueFactory = _ => ClvFeatureOptions.DefaultHorizonMonths };
    public Option<double> DiscountMonthly { get; } = new("--discount-monthly") { Description = "Monthly discount rate for CLV (with --clv).", DefaultValueFactory = _ => 0 };
    public Option<bool> Propensity { get; } = new("--propensity") { Description = "Add churn_risk and spend_next (models trained on the last window before the as-of date) and the churn_risk_band scheme (high / medium / low)." };
    public Option<int> PropensityDays { get; } = new("--propensity-days") { Description = "Prediction window in days (with --propensity).", DefaultValueFactory = _ => PropensityFeatureOptions.DefaultWindowDays };
    public Option<string> PropensityModel { get; } = new("--propensity-model") { Description = "auto (highest AUC), logistic, fasttree, bgnbd or bgnbd_p_alive (with --propensity).", DefaultValueFactory = _ => Core.Propensity.PropensityOptions.Auto };

    public Option<string[]> Scheme { get; } = new("--scheme") { Description = "A user scheme to run after the built-ins: a YAML file or a catalog name (segmenta schemes list). Repeat for several; later ones may combine earlier ones.", AllowMultipleArgumentsPerToken = false };
    public Option<string?> SchemesDir { get; } = new("--schemes-dir") { Description = "Folder of your scheme files (*.yaml); default ./schemes when it exists." };

    public void AddTo(Command command)
    {
        command.Add(Scheme);
        command.Add(SchemesDir);
        command.Add(AsOf);
        command.Add(RfmBinning);
        command.Add(RfmBins);
        command.Add(Clv);
        command.Add(ClvMonths);
        command.Add(DiscountMonthly);
        command.Add(Propensity);
        command.Add(PropensityDays);
        command.Add(PropensityModel);
    }

    public SegmentationOptions Build(ParseResult parse)
    {
        DateOnly? asOf = null;
        if (parse.GetValue(AsOf) is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new UsageException($"--as-of \"{text}\" is not a date: write it as yyyy-MM-dd, e.g. 2024-12-31.");
            asOf = d;
        }
        var binning = parse.GetValue(RfmBinning)?.ToLowerInvariant() switch
        {
            "quantile" => Core.Rfm.RfmBinning.Quantile,
            "r-rfm" or "rrfm" => Core.Rfm.RfmBinning.RRfm,
            var other => throw new UsageException($"--rfm-binning {other}: use quantile or r-rfm."),
        };
        var bins = parse.GetValue(RfmBins);
        if (bins is < RfmOptions.MinBins or > RfmOptions.MaxBins) throw new UsageException($"--rfm-bins {bins}: use {RfmOptions.MinBins} to {RfmOptions.MaxBins} levels.");
        var months = parse.GetValue(ClvMonths);
        if (months is < 1 or > 120) throw new UsageException($"--clv-months {months}: use 1 to 120.");
        var discount = parse.GetValue(DiscountMonthly);
        if (discount is < 0 or >= 1) throw new UsageException("--discount-monthly is a monthly rate between 0 and 1, e.g. 0.01.");
        return new SegmentationOptions
        {
            AsOf = asOf,
            Rfm = new RfmOptions { Binning = binning, Bins = bins },
            Clv = parse.GetValue(Clv) ? new ClvFeatureOptions { HorizonMonths = months, DiscountMonthly = discount } : null,
            Propensity = parse.GetValue(Propensity) ? BuildPropensity(parse) : null,
        };
    }

    private PropensityFeatureOptions BuildPropensity(ParseResult parse)
    {
        var days = parse.GetValue(PropensityDays);
        if (days is < 7 or > 3650) throw new UsageException($"--propensity-days {days}: use 7 to 3650 days.");
        var model = parse.GetValue(PropensityModel)?.ToLowerInvariant() ?? Core.Propensity.PropensityOptions.Auto;
        if (!Data.Learning.PropensityLearners.ModelNames.Contains(model))
            throw new UsageException($"--propensity-model {model}: use {string.Join(", ", Data.Learning.PropensityLearners.ModelNames)}.");
        return new PropensityFeatureOptions
        {
            WindowDays = days,
            Models = new Core.Propensity.PropensityOptions { Learners = Data.Learning.PropensityLearners.All, Model = model },
        };
    }
}
