namespace Segmenta.Reports;

/// <summary>The embedded files every HTML report inlines.</summary>
internal static class Assets
{
    /// <summary>Version of the vendored Apache ECharts (Assets/echarts/README.md).</summary>
    public const string EChartsVersion = "5.6.0";

    private static readonly Lazy<string> ECharts = new(() => Read("Segmenta.Reports.echarts.min.js"));
    private static readonly Lazy<string> Style = new(() => Read("Segmenta.Reports.report.css"));
    private static readonly Lazy<string> Script = new(() => Read("Segmenta.Reports.report.js"));

    /// <summary>Apache ECharts, minified (Apache-2.0).</summary>
    public static string EChartsScript => ECharts.Value;

    /// <summary>The report's style sheet (screen and print).</summary>
    public static string Css => Style.Value;

    /// <summary>The script that draws every chart from the embedded JSON.</summary>
    public static string ReportScript => Script.Value;

    private static string Read(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The report asset {name} is missing from this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
