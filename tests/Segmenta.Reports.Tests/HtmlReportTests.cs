using System.Text.RegularExpressions;
using Segmenta.Reports.Html;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Tests;

[Collection(ReportGroup.Name)]
public sealed partial class HtmlReportTests(ReportFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Render_AnyLanguage_HasNoNetworkReferences(string language)
    {
        var html = HtmlReport.Render(fixture.Full, language);
        Assert.Empty(NetworkReference().Matches(html).Select(m => m.Value));
        Assert.Contains("echarts", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileIdsAndLabels_AreEscapedEverywhere()
    {
        var html = HtmlReport.Render(fixture.Full, "en");
        Assert.DoesNotContain(ReportFixture.Hostile, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        // Only the report's own three script elements: ECharts, the chart JSON, the drawing script.
        Assert.Equal(3, ScriptOpen().Count(html));
        // Inside the chart JSON the hostile text cannot close the script element.
        var json = html[html.IndexOf("id=\"segmenta-charts\">", StringComparison.Ordinal)..];
        json = json[..json.IndexOf("</script>", StringComparison.Ordinal)];
        Assert.Contains("\\u003Cscript\\u003E", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StoreData_HasEverySectionWithDataAndNoneWithout()
    {
        var html = HtmlReport.Render(fixture.Data, "zh-CN");
        foreach (var id in new[] { "quality", "overview", "rfm", "matrix", "pareto", "clv", "schemes", "playbooks" })
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        foreach (var id in new[] { "stages", "clusters", "migration", "alerts" })
            Assert.DoesNotContain($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        var full = HtmlReport.Render(fixture.Full, "zh-CN");
        foreach (var id in new[] { "stages", "clusters", "migration", "alerts" })
            Assert.Contains($"<section id=\"{id}\">", full, StringComparison.Ordinal);
        Assert.Contains("href=\"#clusters\"", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Readings_QuoteTheStoreNumbers()
    {
        var html = HtmlReport.Render(fixture.Data, "en");
        var t = new ReportText("en");
        Assert.Contains(t.Count(fixture.Data.Overview.Customers) + " customers", html, StringComparison.Ordinal);
        Assert.Contains(t.Count(fixture.Data.DataQuality.RowsRead) + " rows were read", html, StringComparison.Ordinal);
        var a = fixture.Data.Pareto!.Classes.Single(c => c.Class == "A");
        Assert.Contains($"The top {t.Percent(a.CustomerShare)} of customers (class A) bring {t.Percent(a.RevenueShare)} of revenue", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TranslationTable_EveryKey_HasBothLanguages()
    {
        Assert.NotEmpty(ReportText.All);
        foreach (var (key, texts) in ReportText.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault(ReportText.Chinese)), $"{key} has no zh-CN text");
            Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault(ReportText.English)), $"{key} has no en text");
            Assert.Equal(Placeholders(texts[ReportText.Chinese]), Placeholders(texts[ReportText.English]));
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Render_FullReport_UsesOnlyTranslatedKeysAndShowsNoRawKey(string language)
    {
        var t = new ReportText(language);
        var html = HtmlReport.Render(fixture.Full, t);
        Assert.NotEmpty(t.UsedKeys);
        Assert.All(t.UsedKeys, k => Assert.True(ReportText.Has(k), k));
        var text = Regex.Replace(html[..html.IndexOf("<script>", StringComparison.Ordinal)], "<[^>]+>", " ")
            + html[html.IndexOf("id=\"segmenta-charts\">", StringComparison.Ordinal)..];
        foreach (var key in ReportText.All.Keys)
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        if (language == "zh-CN")
            Assert.Contains("数据质量", html, StringComparison.Ordinal);
        else
            Assert.DoesNotContain("数据质量", html, StringComparison.Ordinal);
    }

    private static string[] Placeholders(string text) => [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex("""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkReference();

    [GeneratedRegex("<script[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpen();
}
