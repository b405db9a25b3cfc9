using System.Globalization;

namespace Segmenta.Cli;

/// <summary>Chooses the display language: <c>--lang</c>, else the locale (LANG / LC_ALL, then the UI culture).</summary>
internal static class Language
{
    public const string Chinese = "zh-CN", English = "en";

    public static string Resolve(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
            return requested.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        var env = Environment.GetEnvironmentVariable("LC_ALL") ?? Environment.GetEnvironmentVariable("LANG") ?? "";
        if (env.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return Chinese;
        return CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
    }
}
