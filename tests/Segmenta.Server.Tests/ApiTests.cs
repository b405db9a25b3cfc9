using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Segmenta.Server.Tests;

/// <summary>Uploads, runs, segments, customers, exports, snapshots and migration on a store with two finished runs.</summary>
[Collection(RunGroup.Name)]
public sealed class ApiTests(RunFixture fixture)
{
    private ServerFactory Server => fixture.Server;

    [Fact]
    public void Run_Succeeded_WithTheCliSummary()
    {
        var summary = fixture.FirstRun["summary"]!;
        Assert.Equal(4906, summary["rows_read"]!.GetValue<long>());
        Assert.Equal(summary["rows_read"]!.GetValue<long>(), summary["rows_accepted"]!.GetValue<long>() + summary["rows_rejected"]!.GetValue<long>());
        Assert.Equal(fixture.Customers, summary["customers"]!.GetValue<long>());
        Assert.Equal(100, fixture.FirstRun["progress"]!.GetValue<int>());
    }

    [Fact]
    public async Task Overview_And_Segments_AddUpToCustomers()
    {
        using var viewer = Server.As("viewer");
        var overview = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/overview"))!;
        Assert.Equal(fixture.FirstRun["id"]!.GetValue<string>(), overview["run_id"]!.GetValue<string>());
        Assert.Equal(fixture.Customers, overview["customers"]!.GetValue<long>());
        var rfm = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/segments/rfm"))!;
        var segments = rfm["segments"]!.AsArray();
        Assert.Equal(fixture.Customers, segments.Sum(s => s!["customers"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/segments/nope")).StatusCode);
        var grid = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/aggregates/rfm-grid"))!.AsArray();
        Assert.Equal(fixture.Customers, grid.Sum(c => c!["customers"]!.GetValue<long>()));
        var matrix = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/aggregates/matrix?rows=abc&columns=value_tier"))!.AsArray();
        Assert.Equal(fixture.Customers, matrix.Sum(c => c!["customers"]!.GetValue<long>()));
        var clv = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/aggregates/clv"))!;
        Assert.Null(clv["column"]); // these runs fit no models
        Assert.Empty(clv["segments"]!.AsArray());
    }

    [Fact]
    public async Task Matrix_UnknownScheme_400_NotSql()
    {
        using var viewer = Server.As("viewer");
        using var response = await viewer.GetAsync("/api/v1/aggregates/matrix?rows=abc&columns=" + Uri.EscapeDataString("x\" FROM segmenta_users --"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not in the newest run", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_FilterBySegment_MatchesSegmentCount()
    {
        using var analyst = Server.As("analyst");
        var rfm = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/segments/rfm"))!["segments"]!.AsArray();
        var biggest = rfm.MaxBy(s => s!["customers"]!.GetValue<long>())!;
        var key = biggest["segment"]!.GetValue<string>();
        var page = JsonNode.Parse(await analyst.GetStringAsync($"/api/v1/customers?scheme=rfm&segment={Uri.EscapeDataString(key)}&page_size=500"))!;
        Assert.Equal(biggest["customers"]!.GetValue<long>(), page["total"]!.GetValue<long>());
        Assert.All(page["rows"]!.AsArray(), r => Assert.Equal(key, r!["rfm_segment"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Customers_BySegment_FromPageTables_SameAsThePlainScan()
    {
        var store = Server.Services.GetRequiredService<Segmenta.Server.Store.ServerStore>();
        var jobs = Server.Services.GetRequiredService<Segmenta.Server.Jobs.RunJobs>();
        await store.PagesBuild.WaitAsync(TimeSpan.FromSeconds(60));
        var runId = jobs.LatestSummary()!["run_id"]!.GetValue<string>();
        var pages = store.PagesFor(runId);
        Assert.NotNull(pages); // built after the newest run, for every scheme of it
        Assert.Contains("rfm_segment", pages.Columns);
        using var analyst = Server.As("analyst");
        var checkedPages = 0;
        foreach (var scheme in new[] { "rfm", "abc" })
        {
            var segments = JsonNode.Parse(await analyst.GetStringAsync($"/api/v1/segments/{scheme}"))!["segments"]!.AsArray();
            foreach (var s in segments.Take(4))
            {
                var key = Uri.EscapeDataString(s!["segment"]!.GetValue<string>());
                var count = s["customers"]!.GetValue<long>();
                foreach (var (page, size, order) in new[] { (1, 50, "asc"), (2, 7, "asc"), (1, 50, "desc"), (3, 10, "desc"), ((int)((count + 24) / 25), 25, "asc") })
                {
                    var url = $"/api/v1/customers?scheme={scheme}&segment={key}&page={page}&page_size={size}&order={order}";
                    var fast = await analyst.GetStringAsync(url);
                    // An empty range filter changes nothing in the answer but is not served by the page tables: the plain scan.
                    var plain = await analyst.GetStringAsync(url + "&range=recency_days::");
                    Assert.Equal(plain, fast);
                    Assert.Equal(count, JsonNode.Parse(fast)!["total"]!.GetValue<long>());
                    checkedPages++;
                }
            }
        }
        Assert.True(checkedPages >= 20);
    }

    [Fact]
    public async Task Customers_SortRangeAndPaging()
    {
        using var analyst = Server.As("analyst");
        var page = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/customers?sort=monetary_total&order=desc&range=recency_days:0:200&page=2&page_size=25"))!;
        var rows = page["rows"]!.AsArray();
        Assert.Equal(25, rows.Count);
        var money = rows.Select(r => r!["monetary_total"]!.GetValue<decimal>()).ToList();
        Assert.Equal(money.OrderByDescending(m => m), money);
        Assert.All(rows, r => Assert.InRange(r!["recency_days"]!.GetValue<double>(), 0, 200));
        var first = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/customers?sort=monetary_total&order=desc&range=recency_days:0:200&page=1&page_size=25"))!;
        Assert.True(first["rows"]![24]!["monetary_total"]!.GetValue<decimal>() >= money[0]);
        Assert.Equal(page["total"]!.GetValue<long>(), first["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("sort=monetary_total;DROP TABLE segmenta_users")]
    [InlineData("sort=nope")]
    [InlineData("range=x%27)%20OR%201=1--:0:1")]
    [InlineData("range=recency_days:abc:1")]
    [InlineData("page_size=100000")]
    [InlineData("order=sideways")]
    [InlineData("scheme=rfm%27%20OR%201=1&segment=x")]
    public async Task Customers_BadQuery_400Problem(string query)
    {
        using var analyst = Server.As("analyst");
        using var response = await analyst.GetAsync("/api/v1/customers?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]);
        Assert.Single(Server.Services.GetRequiredService<Segmenta.Server.Store.ServerStore>().Query("SELECT count(*) FROM segmenta_users"));
    }

    [Fact]
    public async Task Customer_Profile_AndUnknown404()
    {
        using var analyst = Server.As("analyst");
        var profile = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/customers/" + Uri.EscapeDataString("Brion Stark")))!;
        Assert.Equal("Brion Stark", profile["features"]!["customer_id"]!.GetValue<string>());
        Assert.NotNull(profile["features"]!["rfm_segment"]);
        var reasons = profile["reasons"]!.AsArray();
        var retail = reasons.Single(r => r!["scheme"]!.GetValue<string>() == "retail_rfm")!;
        Assert.Equal(profile["features"]!["rfm_segment"]!.GetValue<string>(), retail["segment"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(retail["reason"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/v1/customers/nobody-here")).StatusCode);
    }

    [Fact]
    public async Task Export_CsvAndXlsx_AuditedWithActor()
    {
        using var analyst = Server.As("analyst");
        var csv = await analyst.GetStringAsync("/api/v1/exports/customers?format=csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customer_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(fixture.Customers, lines.Length - 1);
        var xlsx = await analyst.GetByteArrayAsync("/api/v1/exports/customers?format=xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        using var admin = Server.As("admin");
        var audit = JsonNode.Parse(await admin.GetStringAsync("/api/v1/audit?action=export.customers"))!.AsArray();
        Assert.Contains(audit, e => e!["actor"]!.GetValue<string>() == "key:ci-analyst" && e["detail"]!.GetValue<string>().StartsWith("customers.xlsx", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/v1/exports/customers?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Report_HtmlSelfContained_AuditedAndViewer403()
    {
        using var analyst = Server.As("analyst");
        using var response = await analyst.GetAsync("/api/v1/report?format=html&lang=zh-CN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src=\"http", html, StringComparison.Ordinal);
        var xlsx = await analyst.GetByteArrayAsync("/api/v1/report?format=xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        using var viewer = Server.As("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/report")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/v1/report?format=pdf")).StatusCode);
        using var unknown = await analyst.GetAsync("/api/v1/report?snapshot=987654");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("987654", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var admin = Server.As("admin");
        Assert.Contains("report.html (zh-CN)", await admin.GetStringAsync("/api/v1/audit?action=export.report"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemes_ListGetValidate()
    {
        using var viewer = Server.As("viewer");
        var list = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/schemes"))!.AsArray();
        Assert.Contains(list, s => s!["name"]!.GetValue<string>() == "retail_rfm" && s["source"]!.GetValue<string>() == "preset");
        var preset = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/schemes/retail_rfm"))!;
        var yaml = preset["yaml"]!.GetValue<string>();
        Assert.Contains("name: retail_rfm", yaml, StringComparison.Ordinal);
        var ok = JsonNode.Parse(await (await viewer.PostAsJsonAsync("/api/v1/schemes/validate", new { yaml })).Content.ReadAsStringAsync())!;
        Assert.True(ok["valid"]!.GetValue<bool>());
        var bad = JsonNode.Parse(await (await viewer.PostAsJsonAsync("/api/v1/schemes/validate", new { yaml = yaml.Replace("column: rfm_segment", "column: rfm_segmnt", StringComparison.Ordinal) })).Content.ReadAsStringAsync())!;
        Assert.False(bad["valid"]!.GetValue<bool>());
        var problem = bad["problems"]![0]!;
        Assert.Contains("rfm_segmnt", problem["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("column: rfm_segment", StringComparison.Ordinal)) + 1, problem["line"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/schemes/nope")).StatusCode);
    }

    [Fact]
    public async Task Schemes_SaveCreatesVersions_AuditedAndGuarded()
    {
        using var analyst = Server.As("analyst");
        var yaml = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/schemes/retail_rfm"))!["yaml"]!.GetValue<string>().Replace("name: retail_rfm", "name: vip_rfm", StringComparison.Ordinal);
        var v1 = JsonNode.Parse(await (await analyst.PutAsJsonAsync("/api/v1/schemes/vip_rfm", new { yaml })).Content.ReadAsStringAsync())!;
        Assert.Equal(1, v1["version"]!.GetValue<int>());
        var v2 = JsonNode.Parse(await (await analyst.PutAsJsonAsync("/api/v1/schemes/vip_rfm", new { yaml = yaml + "\n# tweak\n" })).Content.ReadAsStringAsync())!;
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var versions = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/schemes/vip_rfm/versions"))!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.EndsWith("# tweak\n", JsonNode.Parse(await analyst.GetStringAsync("/api/v1/schemes/vip_rfm"))!["yaml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Server.Directory, "data", "schemes", "vip_rfm.yaml")));

        using var invalid = await analyst.PutAsJsonAsync("/api/v1/schemes/vip_rfm", new { yaml = yaml.Replace("column: rfm_segment", "column: nope_col", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["problems"]!.AsArray());
        using var wrongName = await analyst.PutAsJsonAsync("/api/v1/schemes/other_name", new { yaml });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongName.StatusCode);
        using var sql = await analyst.PutAsJsonAsync("/api/v1/schemes/" + Uri.EscapeDataString("x; DROP TABLE segmenta_users"), new { yaml });
        Assert.Equal(HttpStatusCode.BadRequest, sql.StatusCode);
        using var viewer = Server.As("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync("/api/v1/schemes/vip_rfm", new { yaml })).StatusCode);

        using var admin = Server.As("admin");
        var audit = await admin.GetStringAsync("/api/v1/audit");
        Assert.Contains("scheme vip_rfm version 1", audit, StringComparison.Ordinal);
        Assert.Contains("scheme.update", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_CsvAndXlsx_AuditedAndViewer403()
    {
        using var analyst = Server.As("analyst");
        var csv = await analyst.GetStringAsync("/api/v1/actions?scheme=retail_rfm&format=csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customer_id", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.Equal("PK"u8.ToArray(), (await analyst.GetByteArrayAsync("/api/v1/actions?format=xlsx"))[..2]);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/v1/actions?scheme=no_such_scheme")).StatusCode);
        using var viewer = Server.As("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/actions")).StatusCode);
        using var admin = Server.As("admin");
        Assert.Contains("actions of retail_rfm", await admin.GetStringAsync("/api/v1/audit?action=export.actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshots_ListGetAndMigration()
    {
        using var viewer = Server.As("viewer");
        var list = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/snapshots"))!.AsArray();
        Assert.True(list.Count >= 2);
        var newest = list[0]!["id"]!.GetValue<long>();
        var older = list[1]!["id"]!.GetValue<long>();
        Assert.Equal("rfm_data_orders.csv".Length > 0, !list[0]!["input"]!["path"]!.GetValue<string>().Contains('/', StringComparison.Ordinal));
        var one = JsonNode.Parse(await viewer.GetStringAsync($"/api/v1/snapshots/{newest}"))!;
        Assert.True(one["intact"]!.GetValue<bool>());
        var migration = JsonNode.Parse(await viewer.GetStringAsync($"/api/v1/migration?from={older}&to={newest}&scheme=rfm"))!;
        var rfm = migration["schemes"]!["rfm"]!;
        Assert.Null(rfm["movers"]); // viewers see flows, not customer ids
        var counts = rfm["counts"]!.AsArray().SelectMany(r => r!.AsArray()).Sum(c => c!.GetValue<long>());
        Assert.Equal(rfm["customers_in_both"]!.GetValue<long>(), counts);
        Assert.Equal(counts, rfm["sankey"]!["links"]!.AsArray().Sum(l => l!["value"]!.GetValue<long>()));
        using var analyst = Server.As("analyst");
        var full = JsonNode.Parse(await analyst.GetStringAsync($"/api/v1/migration?from={older}&to={newest}&scheme=rfm"))!;
        Assert.NotNull(full["schemes"]!["rfm"]!["movers"]);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/snapshots/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"/api/v1/migration?from={older}&to=999999")).StatusCode);
    }

    [Fact]
    public async Task Runs_ListAndUnknown404()
    {
        using var viewer = Server.As("viewer");
        var runs = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/runs"))!.AsArray();
        Assert.Contains(runs, r => r!["id"]!.GetValue<string>() == fixture.FirstRun["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/runs/nope")).StatusCode);
    }

    [Fact]
    public async Task Upload_PathTraversalName_StoredUnderGeneratedId()
    {
        using var analyst = Server.As("analyst");
        var outside = Path.Combine(Server.Directory, "x.csv");
        using var response = await ServerFactory.UploadAsync(analyst, "customers", Encoding.UTF8.GetBytes("customer_id,region\nC1,north\nC2,south\n"), "../../x.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("x.csv", body["file_name"]!.GetValue<string>());
        Assert.Equal(2, body["load"]!["rows_accepted"]!.GetValue<long>());
        Assert.False(File.Exists(outside));
        Assert.False(File.Exists(Path.Combine(Server.Directory, "data", "x.csv")));
        var stored = Directory.GetFiles(Path.Combine(Server.Directory, "data", "uploads", body["id"]!.GetValue<string>()));
        Assert.Equal(["customers.csv"], stored.Select(Path.GetFileName));
    }

    [Fact]
    public async Task Upload_BadCsv_400WithRowAccounting()
    {
        using var analyst = Server.As("analyst");
        var csv = "customer_id,order_date,amount\nC1,2024-01-01,10\nC2,not-a-date,5\nC3,2024-01-03,abc\nC4,2024-01-04,7\n";
        using var response = await ServerFactory.UploadAsync(analyst, "transactions", Encoding.UTF8.GetBytes(csv), "bad.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("2 of 4 rows rejected", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(4, problem["load"]!["rows_read"]!.GetValue<long>());
        Assert.Equal(2, problem["load"]!["rows_accepted"]!.GetValue<long>());
        Assert.Equal(2, problem["load"]!["rows_rejected"]!.GetValue<long>());
    }

    [Fact]
    public async Task Upload_MissingColumn_400WithCliMessage()
    {
        using var analyst = Server.As("analyst");
        using var response = await ServerFactory.UploadAsync(analyst, "transactions", Encoding.UTF8.GetBytes("who,when\nA,B\n"), "nocols.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("transactions.csv", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SqlInColumnMap_Rejected()
    {
        using var analyst = Server.As("analyst");
        var map = Uri.EscapeDataString("customer=x\"; DROP TABLE segmenta_users; --");
        using var response = await ServerFactory.UploadAsync(analyst, "transactions", Encoding.UTF8.GetBytes("customer_id,order_date,amount\nC1,2024-01-01,10\n"), "t.csv", "&map=" + map);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(Server.Services.GetRequiredService<Segmenta.Server.Store.ServerStore>().Query("SELECT count(*) FROM segmenta_users"));
    }

    [Fact]
    public async Task Upload_Oversized_413()
    {
        using var analyst = Server.As("analyst");
        var big = new byte[3 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        using var response = await ServerFactory.UploadAsync(analyst, "transactions", big, "big.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Upload_UnknownTypeOrKind_Rejected()
    {
        using var analyst = Server.As("analyst");
        Assert.Equal(HttpStatusCode.BadRequest, (await ServerFactory.UploadAsync(analyst, "transactions", [1, 2, 3], "evil.exe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ServerFactory.UploadAsync(analyst, "passwords", [1, 2, 3], "a.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ServerFactory.UploadAsync(analyst, "transactions", "a"u8.ToArray(), "a.csv", "&returns=keep")).StatusCode);
        var uploads = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/uploads"))!.AsArray();
        Assert.Contains(uploads, u => u!["file_name"]!.GetValue<string>() == "rfm_data_orders.csv");
    }

    [Fact]
    public async Task Run_BadAsOf_400_UnknownUpload_400()
    {
        using var analyst = Server.As("analyst");
        using var bad = await analyst.PostAsJsonAsync("/api/v1/runs", new { as_of = "31/12/2024" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("yyyy-MM-dd", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostAsJsonAsync("/api/v1/runs", new { transactions = "nope" })).StatusCode);
    }
}
