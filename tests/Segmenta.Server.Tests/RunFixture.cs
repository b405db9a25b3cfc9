using System.Text.Json.Nodes;

namespace Segmenta.Server.Tests;

/// <summary>
/// One server with two finished runs on <c>tests/data/rfm_data_orders.csv</c> (4,906 orders of 995 customers), shared
/// by the tests that read results. The second run has an earlier as-of date, so there are two snapshots to compare.
/// </summary>
public sealed class RunFixture : IAsyncLifetime
{
    public ServerFactory Server { get; } = new();

    public static string OrdersPath => Path.Combine(AppContext.BaseDirectory, "data", "rfm_data_orders.csv");

    public JsonNode FirstRun { get; private set; } = null!;

    public JsonNode SecondRun { get; private set; } = null!;

    /// <summary>Distinct customer ids in the file, counted here from the file itself.</summary>
    public int Customers { get; private set; }

    public async Task InitializeAsync()
    {
        Customers = File.ReadLines(OrdersPath).Skip(1).Select(l => l.Split(',')[0]).Distinct(StringComparer.Ordinal).Count();
        var analyst = Server.As("analyst");
        var upload = await ServerFactory.UploadAsync(analyst, "transactions", await File.ReadAllBytesAsync(OrdersPath), "rfm_data_orders.csv", "&map=amount%3Drevenue");
        Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);
        SecondRun = await ServerFactory.RunAndWaitAsync(analyst, new { as_of = "2006-06-30" });
        FirstRun = await ServerFactory.RunAndWaitAsync(analyst, new { lang = "zh-CN" });
        Assert.True(SecondRun["status"]!.GetValue<string>() == "succeeded", SecondRun.ToJsonString());
        Assert.True(FirstRun["status"]!.GetValue<string>() == "succeeded", FirstRun.ToJsonString());
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RunGroup : ICollectionFixture<RunFixture>
{
    public const string Name = "server with runs";
}
