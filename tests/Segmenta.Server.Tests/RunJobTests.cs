using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Segmenta.Server.Tests;

/// <summary>One run at a time per store, cancellation, and the 202 + Location contract.</summary>
public sealed class RunJobTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task SecondRunWhileRunning_409_ThenCancel()
    {
        using var analyst = _server.As("analyst");
        // 60,000 generated orders.
        var csv = new StringBuilder("customer_id,order_date,amount\n");
        var random = new Random(7);
        for (var i = 0; i < 60_000; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{random.Next(5000)},2024-{1 + random.Next(12):00}-{1 + random.Next(28):00},{random.Next(1, 500)}.{random.Next(100):00}\n");
        Assert.Equal(HttpStatusCode.Created, (await ServerFactory.UploadAsync(analyst, "transactions", Encoding.UTF8.GetBytes(csv.ToString()), "gen.csv")).StatusCode);

        // Hold the first run until it is cancelled, so the second start certainly meets a running job.
        var hold = new TaskCompletionSource();
        _server.Services.GetRequiredService<Segmenta.Server.Jobs.RunHooks>().BeforeRunAsync = ct => hold.Task.WaitAsync(ct);
        using var first = await analyst.PostAsJsonAsync("/api/v1/runs", new { });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var location = first.Headers.Location!.ToString();
        Assert.StartsWith("/api/v1/runs/", location, StringComparison.Ordinal);
        using var second = await analyst.PostAsJsonAsync("/api/v1/runs", new { });
        Assert.True(second.StatusCode == HttpStatusCode.Conflict, await analyst.GetStringAsync(location));
        var problem = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Contains("DELETE /api/v1/runs/", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await analyst.DeleteAsync(location)).StatusCode);
        var job = await ServerFactory.WaitAsync(analyst, location);
        Assert.Equal("cancelled", job["status"]!.GetValue<string>());

        // After the cancel the store takes a new run, which completes.
        hold.SetResult();
        var next = await ServerFactory.RunAndWaitAsync(analyst);
        Assert.Equal("succeeded", next["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync("/api/v1/runs/" + next["id"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task Run_WithoutUpload_400()
    {
        using var analyst = _server.As("analyst");
        using var response = await analyst.PostAsJsonAsync("/api/v1/runs", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no transactions file uploaded yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();
}
