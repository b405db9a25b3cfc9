using Microsoft.Playwright;

namespace Segmenta.Reports.Tests;

/// <summary>
/// One headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright) shared by the browser tests.
/// Browsers are never downloaded: when Chromium is missing the tests fail and say how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("SEGMENTA_CHROMIUM") ?? ChromiumPath;
        if (!File.Exists(path))
            Assert.Fail($"Chromium not found at {path}. Run scripts/test.sh (it installs it as root), or `apt-get install -y chromium fonts-wqy-microhei`, or set SEGMENTA_CHROMIUM to a Chromium binary.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
