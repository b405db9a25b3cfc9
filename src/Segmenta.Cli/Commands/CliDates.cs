using System.Globalization;

namespace Segmenta.Cli.Commands;

/// <summary>Parses yyyy-MM-dd option values with a usage error that names the option.</summary>
internal static class CliDates
{
    public static DateOnly Parse(string option, string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UsageException($"{option} \"{text}\" is not a date: write it as yyyy-MM-dd, e.g. 1997-09-30. / 日期格式应为 yyyy-MM-dd。");
}
