using System.CommandLine;
using System.Globalization;
using Segmenta.Core.Clv;

namespace Segmenta.Cli.Commands;

/// <summary>Options shared by <c>fit</c> and <c>predict</c>: the time unit and the calibration period.</summary>
internal sealed class ModelOptions
{
    public Option<string> TimeUnit { get; } = new("--time-unit") { Description = "day, week or month: the unit of recency, T and the horizon.", DefaultValueFactory = _ => "week" };
    public Option<string?> CalibrationEnd { get; } = new("--calibration-end") { Description = "Last day of the calibration period (inclusive), yyyy-MM-dd; default: the last transaction day." };

    public void AddTo(Command command)
    {
        command.Add(TimeUnit);
        command.Add(CalibrationEnd);
    }

    public TimeUnit Unit(ParseResult parse) => parse.GetValue(TimeUnit)?.ToLowerInvariant() switch
    {
        "day" or "days" => Core.Clv.TimeUnit.Day,
        "week" or "weeks" => Core.Clv.TimeUnit.Week,
        "month" or "months" => Core.Clv.TimeUnit.Month,
        var other => throw new UsageException($"--time-unit {other}: use day, week or month."),
    };

    /// <summary>BTYD convention: the calibration end is the last day included, which is the engine's as-of date.</summary>
    public DateOnly? End(ParseResult parse)
    {
        if (parse.GetValue(CalibrationEnd) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UsageException($"--calibration-end \"{text}\" is not a date: write it as yyyy-MM-dd, e.g. 1997-09-30.");
    }
}
