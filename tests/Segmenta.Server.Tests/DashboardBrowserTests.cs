using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Segmenta.Server.Tests;

/// <summary>
/// The dashboard in Debian's headless Chromium driven by Playwright (never a downloaded browser): sign in, upload a CSV,
/// run, see the segment chart drawn, open a customer (with reasons), edit a scheme and see the validation error, download
/// the action list and the customers file, switch to Chinese, with no console errors.
/// Screenshots go to tests/Segmenta.Server.Tests/TestResults/screenshots/. Chromium missing is a failure, not a skip:
/// scripts/test.sh installs it.
/// </summary>
public sealed class DashboardBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Dashboard_LoginUploadRunChartCustomerDownload_NoConsoleErrors()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with `apt-get install chromium fonts-wqy-microhei` (scripts/test.sh does).");
        _server.UseKestrel(0);
        _server.StartServer();
        _server.Seed();
        var baseUrl = _server.ClientOptions.BaseAddress.ToString();
        var shots = ScreenshotDir();
        var csv = Path.Combine(_server.Directory, "orders.csv");
        await File.WriteAllTextAsync(csv, Orders(), new UTF8Encoding(false));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") errors.Add($"{m.Type}: {m.Text}"); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        // A download ends the request with net::ERR_ABORTED by design; anything else failing is an error.
        page.RequestFailed += (_, r) => { if (!r.Url.Contains("/exports/", StringComparison.Ordinal) && !r.Url.Contains("/actions", StringComparison.Ordinal)) errors.Add("request failed: " + r.Url); };

        await page.GotoAsync(baseUrl);
        await page.FillAsync("#login-name", "ann");
        await page.FillAsync("#login-password", ServerFactory.AnalystPassword);
        await page.ClickAsync("#login-submit");
        await page.Locator("#nav").WaitForAsync();
        Assert.Equal("ann (analyst)", await page.TextContentAsync("#who"));

        await page.GotoAsync(baseUrl + "#data");
        await page.SetInputFilesAsync("#upload-file", csv);
        await page.ClickAsync("#upload-button");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-result').textContent.includes('accepted')");
        Assert.Contains("2,400 rows read, 2,400 accepted, 0 rejected", await page.TextContentAsync("#upload-result"), StringComparison.Ordinal);
        await page.ClickAsync("#run-button");
        await page.Locator("#run-status[data-status]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("succeeded", await page.GetAttributeAsync("#run-status", "data-status"));
        Assert.Equal("100", await page.EvaluateAsync<string>("() => String(document.getElementById('run-progress').value)"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "1-upload-run.png") });

        await page.GotoAsync(baseUrl + "#overview");
        await page.Locator("#chart-segments canvas").WaitForAsync();
        await page.Locator("#chart-rfm canvas").WaitForAsync();
        await page.WaitForTimeoutAsync(800); // ECharts' entry animation
        var painted = await page.EvaluateAsync<int>(PaintedPixels, "#chart-segments canvas");
        Assert.True(painted > 2000, $"segment chart canvas has only {painted} painted pixels");
        Assert.True(await page.EvaluateAsync<int>(PaintedPixels, "#chart-rfm canvas") > 2000);
        Assert.Equal("120", (await page.TextContentAsync(".kpi b"))!.Replace(",", "", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "2-overview.png"), FullPage = true });

        await page.GotoAsync(baseUrl + "#customers");
        await page.Locator("#customer-table tbody tr").First.WaitForAsync();
        var firstId = await page.GetAttributeAsync("#customer-table tbody tr", "data-id");
        await page.ClickAsync("#customer-table tbody tr");
        await page.Locator("#customer-profile:not([hidden])").WaitForAsync();
        Assert.Contains(firstId!, await page.TextContentAsync("#customer-profile h2"), StringComparison.Ordinal);
        Assert.Contains("rfm_segment", await page.TextContentAsync("#customer-profile"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "3-customer.png"), FullPage = true });

        Assert.Contains("retail_rfm", await page.TextContentAsync("#customer-profile .reasons"), StringComparison.Ordinal);

        await page.GotoAsync(baseUrl + "#schemes");
        await page.WaitForFunctionAsync("() => document.getElementById('scheme-editor').value.includes('name:')");
        await page.SelectOptionAsync("#scheme-list", "retail_rfm");
        await page.WaitForFunctionAsync("() => document.getElementById('scheme-editor').value.includes('name: retail_rfm')");
        var yaml = await page.InputValueAsync("#scheme-editor");
        await page.FillAsync("#scheme-editor", yaml.Replace("column: rfm_segment", "column: rfm_segmnt", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.getElementById('scheme-problems').dataset.valid === 'false'");
        Assert.Contains("rfm_segmnt", await page.TextContentAsync("#scheme-problems"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "4-scheme-error.png"), FullPage = true });

        await page.GotoAsync(baseUrl + "#data");
        var actions = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-actions"));
        var actionsFile = Path.Combine(_server.Directory, "actions.csv");
        await actions.SaveAsAsync(actionsFile);
        var actionLines = await File.ReadAllLinesAsync(actionsFile);
        Assert.StartsWith("customer_id", actionLines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(actionLines.Length > 1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var saved = Path.Combine(_server.Directory, "download.csv");
        await download.SaveAsAsync(saved);
        var lines = await File.ReadAllLinesAsync(saved);
        Assert.StartsWith("customer_id,", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(121, lines.Length);

        await page.SelectOptionAsync("#lang", "zh-CN");
        await page.GotoAsync(baseUrl + "#overview");
        await page.Locator("#chart-segments canvas").WaitForAsync();
        Assert.Equal("概览", await page.TextContentAsync("#nav a[href='#overview']"));
        await page.WaitForTimeoutAsync(800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "5-overview-zh.png"), FullPage = true });

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Counts canvas pixels that are neither transparent nor white.</summary>
    private const string PaintedPixels = """
        sel => {
          const c = document.querySelector(sel);
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
          return n;
        }
        """;

    /// <summary>2,400 orders of 120 customers over 2024, deterministic.</summary>
    private static string Orders()
    {
        var random = new Random(11);
        var sb = new StringBuilder("customer_id,order_date,amount\n");
        for (var i = 0; i < 2400; i++)
        {
            var customer = i < 120 ? i : random.Next(120) * random.Next(2);
            var day = new DateOnly(2024, 1, 1).AddDays(random.Next(366));
            sb.Append(CultureInfo.InvariantCulture, $"K{customer:000},{day:yyyy-MM-dd},{random.Next(5, 900)}.{random.Next(100):00}\n");
        }
        return sb.ToString();
    }

    private static string ScreenshotDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Segmenta.slnx"))) dir = dir.Parent;
        var path = dir is null
            ? Path.Combine(AppContext.BaseDirectory, "screenshots")
            : Path.Combine(dir.FullName, "tests", "Segmenta.Server.Tests", "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _server.Dispose();
}
