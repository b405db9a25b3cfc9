using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Segmenta.Core.Schemes;

namespace Segmenta.Reports.Text;

/// <summary>
/// The one translation table of every report label (<c>Assets/strings.json</c>: key → zh-CN / en), and number and
/// date formatting for one language. A missing key throws, so an untranslated label can never reach a report.
/// </summary>
public sealed class ReportText
{
    /// <summary>Simplified Chinese.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>English.</summary>
    public const string English = "en";

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Table = new(Load);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    /// <summary>Text for <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>; anything starting with "zh" is Chinese).</summary>
    public ReportText(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        Language = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        Culture = CultureInfo.GetCultureInfo(Language == Chinese ? "zh-CN" : "en-US");
    }

    /// <summary>The language, <c>zh-CN</c> or <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>Number formatting culture of the language.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Every key of the table with its texts (for tests and tools).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All => Table.Value;

    /// <summary>Keys looked up so far through this instance.</summary>
    public IReadOnlyCollection<string> UsedKeys => [.. _used.Keys];

    /// <summary>The label for <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the table, or has no text in this language.</exception>
    public string this[string key]
    {
        get
        {
            _used.TryAdd(key, 0);
            if (Table.Value.TryGetValue(key, out var texts) && texts.TryGetValue(Language, out var text) && text.Length > 0) return text;
            throw new KeyNotFoundException($"Report label \"{key}\" has no {Language} text in Assets/strings.json.");
        }
    }

    /// <summary>Whether the table has <paramref name="key"/>.</summary>
    public static bool Has(string key) => Table.Value.ContainsKey(key);

    /// <summary>The label for <paramref name="key"/> with <c>{0}</c>, <c>{1}</c> … filled in.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A text that comes with the data (segment names …) in this language.</summary>
    public string Of(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.For(Language);
    }

    /// <summary>An integer with group separators.</summary>
    public string Count(long value) => value.ToString("N0", Culture);

    /// <summary>A share as a percentage with one decimal.</summary>
    public string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", Culture) + " %" : "–";

    /// <summary>An amount with two decimals and group separators.</summary>
    public string Money(double value) => double.IsFinite(value) ? value.ToString("N2", Culture) : "–";

    /// <summary>A number with up to <paramref name="decimals"/> decimals.</summary>
    public string Number(double value, int decimals = 2) => double.IsFinite(value) ? Math.Round(value, decimals).ToString("#,0.##########", Culture) : "–";

    /// <summary>A date as yyyy-MM-dd (the same in both languages).</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>A scheme's display title: its translated name for known schemes, else the title it carries, else its name.</summary>
    public string Scheme(string name, LocalizedText? title = null) =>
        Has("scheme." + name) ? this["scheme." + name] : title is not null ? Of(title) : name;

    /// <summary>A feature's display name: translated when known, else the column name.</summary>
    public string Measure(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (Has("measure." + column)) return this["measure." + column];
        var months = column.StartsWith("clv_", StringComparison.Ordinal) ? column[4..^1]
            : column.StartsWith("exp_purchases_", StringComparison.Ordinal) ? column[14..^1] : null;
        if (months is not null && column.EndsWith('m'))
            return Format(column.StartsWith("clv_", StringComparison.Ordinal) ? "measure.clv" : "measure.exp_purchases", months);
        return column;
    }

    /// <summary>A reject reason code's display text (unknown codes show as "other: code").</summary>
    public string Reason(string code) => Has("reason." + code) ? this["reason." + code] : this["reason.other"] + ": " + code;

    /// <summary>The built-in playbook action of a segment, or null when the table has none.</summary>
    public string? Playbook(string scheme, string segment) =>
        Has($"playbook.{scheme}.{segment}") ? this[$"playbook.{scheme}.{segment}"] : null;

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        using var stream = typeof(ReportText).Assembly.GetManifestResourceStream("Segmenta.Reports.strings.json")
            ?? throw new InvalidOperationException("The report translation table (strings.json) is missing from this build.");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!
            .ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }
}
