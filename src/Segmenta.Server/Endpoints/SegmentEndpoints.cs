using System.Text.Json.Nodes;
using Segmenta.Data.DuckDb;
using Segmenta.Server.Jobs;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Endpoints;

/// <summary>Segments and aggregates of the newest run: what viewers may see (no customer-level data).</summary>
internal static class SegmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("segments").RequireAuthorization(Roles.CanView);
        g.MapGet("/overview", (RunJobs jobs) =>
        {
            // Before the first run: 200 with run_id null (the dashboard shows "no run yet" without an error).
            var s = jobs.LatestSummary() ?? [];
            var overview = new JsonObject();
            foreach (var key in OverviewKeys)
                overview[key] = s[key]?.DeepClone();
            return Results.Ok(overview);
        }).WithSummary("The newest run: row accounting, customers, dates, customers per segment of every scheme, model fits (run_id null before the first run).");

        g.MapGet("/segments/{scheme}", (string scheme, RunJobs jobs) =>
            Latest(jobs)["scheme_details"]?[scheme] is JsonObject details ? Results.Ok(details.DeepClone()) : throw ApiException.NotFound("scheme " + scheme + " in the newest run"))
            .WithSummary("One scheme's segments in the newest run: customers, share, revenue, mean recency/orders/monetary, labels in en and zh-CN.").ProducesProblem(404);

        g.MapGet("/aggregates/rfm-grid", (ServerStore store) =>
        {
            using var c = store.Open();
            if (!Has(c, "rfm_r", "rfm_f", "monetary_total")) return Results.Ok(Array.Empty<object>());
            var rows = ServerStore.Query(c, $"SELECT rfm_r, rfm_f, count(*), avg(monetary_total) FROM {DuckDbEngine.SegmentsTable} GROUP BY ALL ORDER BY ALL");
            return Results.Ok(rows.Select(r => new { r = Convert.ToInt32(r[0], Inv), f = Convert.ToInt32(r[1], Inv), customers = Convert.ToInt64(r[2], Inv), mean_monetary = Math.Round(Convert.ToDouble(r[3], Inv), 2) }));
        }).WithSummary("Customers per (R score, F score) cell and their mean monetary value: the RFM heatmap.");

        g.MapGet("/aggregates/matrix", (string rows, string columns, RunJobs jobs, ServerStore store) =>
        {
            var s = Latest(jobs);
            var a = SegmentColumn(s, rows);
            var b = SegmentColumn(s, columns);
            using var c = store.Open();
            var cells = ServerStore.Query(c, $"SELECT CAST(\"{a}\" AS VARCHAR), CAST(\"{b}\" AS VARCHAR), count(*), sum(monetary_total) FROM {DuckDbEngine.SegmentsTable} GROUP BY ALL ORDER BY ALL");
            return Results.Ok(cells.Select(r => new { row = r[0] as string, column = r[1] as string, customers = Convert.ToInt64(r[2], Inv), revenue = Math.Round(Convert.ToDouble(r[3], Inv), 2) }));
        }).WithSummary("Cross-classification of two schemes (e.g. rows=abc, columns=value_tier): customers and revenue per cell.").ProducesProblem(404);

        g.MapGet("/aggregates/clv", (RunJobs jobs, ServerStore store) =>
        {
            var s = Latest(jobs);
            var seg = SegmentColumn(s, "rfm");
            using var c = store.Open();
            var clv = new DuckDbEngine(c).TableColumns(DuckDbEngine.SegmentsTable).FirstOrDefault(n => n.StartsWith("clv_", StringComparison.Ordinal));
            if (clv is null) return Results.Ok(new { column = (string?)null, segments = Array.Empty<object>() }); // run without "clv": true
            var rows = ServerStore.Query(c, $"SELECT CAST(\"{seg}\" AS VARCHAR), count(*), avg(\"{clv}\"), sum(\"{clv}\"), avg(p_alive) FROM {DuckDbEngine.SegmentsTable} GROUP BY ALL ORDER BY 4 DESC");
            return Results.Ok(new { column = clv, segments = rows.Select(r => new { segment = r[0] as string, customers = Convert.ToInt64(r[1], Inv), mean_clv = Round(r[2]), total_clv = Round(r[3]), mean_p_alive = Round(r[4], 4) }) });
        }).WithSummary("CLV per RFM segment (mean, total, mean P(alive)) when the run fitted the models.").ProducesProblem(404);
    }

    private static readonly string[] OverviewKeys = ["run_id", "rows_read", "rows_accepted", "rows_rejected", "customers", "as_of", "first_date", "last_date", "engine", "schemes", "models", "notes"];

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static double? Round(object? v, int digits = 2) => v is null ? null : Math.Round(Convert.ToDouble(v, Inv), digits);

    /// <summary>The newest run's summary or 404 with what to do.</summary>
    internal static JsonObject Latest(RunJobs jobs) => jobs.LatestSummary()
        ?? throw new ApiException(StatusCodes.Status404NotFound, "No run yet", "no segmentation has run on this store yet: upload transactions and start a run. / 还没有分群结果：请先上传交易数据并运行。");

    /// <summary>The segment column of a scheme of the newest run; the name is checked against the run's schemes, never put in SQL as given.</summary>
    internal static string SegmentColumn(JsonObject summary, string scheme) =>
        summary["scheme_details"]?[scheme]?["segment_column"]?.GetValue<string>()
        ?? throw new Core.SegmentaInputException($"scheme \"{scheme}\" is not in the newest run; use one of: {string.Join(", ", (summary["scheme_details"] as JsonObject)?.Select(p => p.Key) ?? [])}. / 最近一次运行中没有方案 \"{scheme}\"。");

    private static bool Has(DuckDB.NET.Data.DuckDBConnection c, params string[] columns)
    {
        var have = new DuckDbEngine(c).TableColumns(DuckDbEngine.SegmentsTable);
        return columns.All(have.Contains);
    }
}
