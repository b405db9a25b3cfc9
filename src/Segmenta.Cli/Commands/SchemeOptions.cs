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

    public void AddTo(Command command)
    {
        command.Add(AsOf);
        command.Add(RfmBinning);
        command.Add(RfmBins);
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
        return new SegmentationOptions { AsOf = asOf, Rfm = new RfmOptions { Binning = binning, Bins = bins } };
    }
}
