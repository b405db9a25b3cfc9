using Segmenta.Core;

namespace Segmenta.Reports.Charts;

/// <summary>
/// Finds the CJK font chart files need (ScottPlot's bundled SkiaSharp finds none and draws Chinese as empty boxes)
/// and registers it with ScottPlot under <see cref="FamilyName"/>. Looked up in order: the <c>SEGMENTA_CJK_FONT</c>
/// environment variable, the Debian/Ubuntu path of <c>fonts-wqy-microhei</c>, then any WenQuanYi or Noto CJK file
/// under the usual font folders.
/// </summary>
public static class CjkFont
{
    /// <summary>The family name the font is registered under.</summary>
    public const string FamilyName = "Segmenta CJK";

    /// <summary>Environment variable naming a font file to use instead.</summary>
    public const string EnvironmentVariable = "SEGMENTA_CJK_FONT";

    /// <summary>Where Debian's <c>fonts-wqy-microhei</c> installs its font.</summary>
    public const string DebianPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts", @"C:\Windows\Fonts"];
    private static readonly string[] FilePatterns = ["wqy-microhei*.tt?", "wqy-zenhei*.tt?", "NotoSansCJK*.tt?", "NotoSansSC*.?tf", "msyh*.tt?", "simhei.ttf", "PingFang*.tt?"];
    private static readonly Lazy<string?> Found = new(Locate);
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>The font file found, or null.</summary>
    public static string? Path => Found.Value;

    /// <summary>Registers the font with ScottPlot (once) and returns its family name.</summary>
    /// <exception cref="SegmentaInputException">No CJK font is installed; the message says how to install one.</exception>
    public static string Register()
    {
        var path = Path ?? throw new SegmentaInputException(
            $"No CJK font found for chart files (Chinese would show as empty boxes). Install one: `apt-get install fonts-wqy-microhei` (expected at {DebianPath}), or set {EnvironmentVariable}=/path/to/a/CJK/font.ttc.");
        lock (Gate)
        {
            if (!_registered)
            {
                ScottPlot.Fonts.AddFontFile(FamilyName, path);
                _registered = true;
            }
        }
        return FamilyName;
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return File.Exists(env) ? env
                : throw new SegmentaInputException($"{EnvironmentVariable}={env}: no such font file. Point it at a CJK font (.ttf/.ttc/.otf) or unset it.");
        }
        if (File.Exists(DebianPath)) return DebianPath;
        foreach (var pattern in FilePatterns)
        {
            foreach (var folder in FontFolders.Where(Directory.Exists))
            {
                try
                {
                    var hit = Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
                    if (hit is not null) return hit;
                }
                catch (UnauthorizedAccessException)
                {
                    // An unreadable folder is not an error: keep looking elsewhere.
                }
            }
        }
        return null;
    }
}
