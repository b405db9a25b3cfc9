using Microsoft.Playwright;
using Segmenta.Reports.Html;
using Xunit.Abstractions;

namespace Segmenta.Reports.Tests;

/// <summary>The HTML report opened in real headless Chromium with the network cut off.</summary>
[Collection(ReportGroup.Name)]
public sealed class BrowserTests(ReportFixture fixture, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string CheckCharts = """
        () => Array.from(document.querySelectorAll('[data-chart]')).map(el => {
          const svg = el.querySelector('svg'), canvas = el.querySelector('canvas');
          const r = el.getBoundingClientRect();
          const shapes = svg ? svg.querySelectorAll('path, rect, text, circle, polyline, polygon').length : 0;
          return { id: el.id, ok: r.width > 0 && r.height > 0 && ((svg && shapes > 5) || (canvas && canvas.width > 0)), shapes };
        })
        """;

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Report_OfflineInChromium_DrawsEveryChartWithoutErrors(string language)
    {
        var path = fixture.TempFile($"report-{language}.html");
        File.WriteAllText(path, HtmlReport.Render(fixture.Full, language));

        await using var context = await browser.Browser.NewContextAsync(new() { Offline = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var blocked = new List<string>();
        await context.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) return route.ContinueAsync();
            blocked.Add(route.Request.Url);
            return route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.Dialog += (_, d) => { errors.Add("dialog: " + d.Message); _ = d.DismissAsync(); };

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("html[data-charts-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });

        var charts = await page.EvaluateAsync<ChartState[]>(CheckCharts);
        Assert.True(charts.Length >= 14, $"only {charts.Length} chart containers");
        Assert.Equal(charts.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("html", "data-charts-ready"));
        Assert.All(charts, c => Assert.True(c.Ok, $"{c.Id} did not render ({c.Shapes} shapes)"));
        Assert.Empty(errors);
        Assert.Empty(blocked);
        Assert.Equal(ReportFixture.Hostile, await page.Locator("#clv td").Filter(new() { HasTextString = "alert('x')" }).First.InnerTextAsync());

        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(shots);
        var shot = Path.Combine(shots, $"report-{language}.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 50_000);
        output.WriteLine($"screenshot: {shot}");
    }

    public sealed class ChartState
    {
        public string Id { get; set; } = "";

        public bool Ok { get; set; }

        public int Shapes { get; set; }
    }
}
