using System.Globalization;
using Microsoft.Playwright;
using Segmenta.Core.Snapshots.Migration;
using Segmenta.Data.Reporting;
using Segmenta.Data.Snapshots;
using Segmenta.Reports.Html;
using Xunit.Abstractions;

namespace Segmenta.Reports.Tests;

/// <summary>Reports of real runs (a monthly backfill with alerts; clusters and matrix schemes) opened in headless Chromium, offline.</summary>
[Collection(RealRunsGroup.Name)]
public sealed class SnapshotBrowserTests(MigrationStoreFixture migration, AnalysisStoreFixture analysis, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>
{
    private const string CheckCharts = """
        (root) => Array.from(document.querySelectorAll((root ? root + ' ' : '') + '[data-chart]')).map(el => {
          const svg = el.querySelector('svg'), canvas = el.querySelector('canvas');
          const r = el.getBoundingClientRect();
          const shapes = svg ? svg.querySelectorAll('path, rect, text, circle, polyline, polygon').length : 0;
          return { id: el.id, ok: r.width > 0 && r.height > 0 && ((svg && shapes > 5) || (canvas && canvas.width > 0)), shapes };
        })
        """;

    private const string TableCells = """
        (selector) => Array.from(document.querySelectorAll(selector)).map(t =>
          Array.from(t.querySelectorAll('tbody tr')).map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim())))
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task SnapshotReport_InChromium_SankeyMatrixAndAlertsRender(string language)
    {
        var snapshots = migration.Backfill.Snapshots;
        var (before, after) = (snapshots[^2], snapshots[^1]);
        var data = ReportDataBuilder.Build(migration.Connection, new ReportBuildOptions { Snapshot = after.Id });
        var (page, errors) = await OpenAsync(HtmlReport.Render(data, language), Path.Combine(migration.Directory, $"snapshot-{language}.html"));

        var all = await page.EvaluateAsync<ChartState[]>(CheckCharts, "");
        Assert.All(all, c => Assert.True(c.Ok, $"{c.Id} did not render ({c.Shapes} shapes)"));
        var sankeys = await page.EvaluateAsync<ChartState[]>(CheckCharts, "#migration");
        Assert.Equal(data.Migrations.Count, sankeys.Length);
        Assert.True(sankeys.Length >= 2);

        // The transition matrices on the page equal Core's migration for the same pair of snapshots.
        var tables = await page.EvaluateAsync<string[][][]>(TableCells, "#migration table");
        Assert.Equal(data.Migrations.Count, tables.Length);
        var store = new SnapshotStore(migration.Connection);
        var culture = CultureInfo.GetCultureInfo(language);
        for (var k = 0; k < data.Migrations.Count; k++)
        {
            var scheme = data.Migrations[k].Scheme;
            var keys = after.Scheme(scheme)!.Segments.Select(s => s.Key).ToList();
            var core = MigrationAnalysis.Compare(scheme, store.Assignments(before.Id, scheme), store.Assignments(after.Id, scheme), keys).Matrix;
            Assert.Equal(core.Segments.Count, tables[k].Length);
            for (var i = 0; i < core.Segments.Count; i++)
                for (var j = 0; j < core.Segments.Count; j++)
                    Assert.Equal(core.Counts[i][j], long.Parse(tables[k][i][j + 1], NumberStyles.AllowThousands, culture));
        }

        // The alerts table lists the rules that fired.
        var fired = migration.Alerts.Results.Where(r => r.Status == Core.Snapshots.Alerts.AlertResult.Triggered).ToList();
        var alerts = (await page.EvaluateAsync<string[][][]>(TableCells, "#alerts table")).Single();
        Assert.Equal(fired.Select(r => r.Rule.DisplayName), alerts.Select(r => r[1]));
        Assert.Equal(fired.Select(r => r.Message(language)), alerts.Select(r => r[4]));
        Assert.Empty(errors);
        await ShotAsync(page, $"report-snapshot-{language}.png");
    }

    [Fact]
    public async Task AnalysisReport_InChromium_ClusterProfilesAndEveryMatrixRender()
    {
        var (page, errors) = await OpenAsync(HtmlReport.Render(analysis.Data, "zh-CN"), Path.Combine(analysis.Directory, "analysis-zh-CN.html"));
        var all = await page.EvaluateAsync<ChartState[]>(CheckCharts, "");
        Assert.All(all, c => Assert.True(c.Ok, $"{c.Id} did not render ({c.Shapes} shapes)"));
        Assert.Single(await page.EvaluateAsync<ChartState[]>(CheckCharts, "#clusters"));
        Assert.Equal(2, (await page.EvaluateAsync<ChartState[]>(CheckCharts, "#matrix")).Length);
        var rules = (await page.EvaluateAsync<string[][][]>(TableCells, "#clusters table")).Last();
        Assert.Equal(analysis.Explain.Rules.Count, rules.Length);
        var grid = (await page.EvaluateAsync<string[][][]>(TableCells, "#matrix table")).Last();
        Assert.Equal(["大额多单", "大额少单", "中额多单", "中额少单", "小额多单", "小额少单"], grid.Select(r => r[0]));
        Assert.Equal("专属权益", grid[0][4]);
        Assert.Empty(errors);
        await ShotAsync(page, "report-analysis-zh-CN.png");
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string html, string path)
    {
        File.WriteAllText(path, html);
        var context = await browser.Browser.NewContextAsync(new() { Offline = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        await context.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) return route.ContinueAsync();
            errors.Add("request: " + route.Request.Url);
            return route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("html[data-charts-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        return (page, errors);
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(shots);
        var shot = Path.Combine(shots, name);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
        await page.Context.CloseAsync();
    }

    public sealed class ChartState
    {
        public string Id { get; set; } = "";

        public bool Ok { get; set; }

        public int Shapes { get; set; }
    }
}
