using System.Globalization;
using Segmenta.Core;
using Segmenta.Data.Customers;
using Segmenta.Server.Jobs;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Endpoints;

/// <summary>Customer-level data (analysts and admins): search with filters, sorting and paging; one customer's row.</summary>
internal static class CustomerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/customers").WithTags("customers").RequireAuthorization(Roles.CanAnalyse);
        g.MapGet("", (HttpRequest request, RunJobs jobs, ServerStore store, string? scheme, string? segment, string? q, string? sort, string? order, int? page, int? page_size) =>
        {
            var filters = new List<KeyValuePair<string, string>>();
            var latest = jobs.LatestSummary();
            if (segment is not null)
            {
                if (scheme is null) throw new SegmentaInputException("segment needs scheme, e.g. ?scheme=rfm&segment=champions. / 按分群筛选时须同时指定 scheme。");
                filters.Add(new(SegmentEndpoints.SegmentColumn(SegmentEndpoints.Latest(jobs), scheme), segment));
            }
            // Page tables of the newest run (built in the background after each run, or here after a restart) turn a
            // cold "segment S, page P" into a range read; until they are ready the query scans.
            store.EnsurePages(latest);
            var runId = latest?["run_id"]?.GetValue<string>();
            var query = new CustomerQuery
            {
                SegmentFilters = filters,
                Ranges = [.. request.Query["range"].Select(r => ParseRange(r!))],
                IdPrefix = q,
                Sort = sort ?? "customer_id",
                Descending = order?.ToLowerInvariant() switch
                {
                    null or "asc" => false,
                    "desc" => true,
                    _ => throw new SegmentaInputException($"order \"{order}\": use asc or desc. / order 只能是 asc 或 desc。"),
                },
                Page = page ?? 1,
                PageSize = page_size ?? 50,
            };
            var key = string.Join('\u001f', [
                .. filters.Select(f => f.Key + "=" + f.Value), .. query.Ranges.Select(r => $"{r.Column}:{r.Min}:{r.Max}"),
                "q=" + q, "sort=" + query.Sort, "desc=" + query.Descending, "page=" + query.Page, "size=" + query.PageSize]);
            return Results.Ok(store.CachedPage(key, () =>
            {
                using var lease = store.Rent();
                return query.Run(lease.Connection, store.SegmentColumns(lease.Connection), store.PagesFor(runId));
            }));
        }).WithSummary("Customers of the newest run, filtered by scheme + segment, feature ranges (range=recency_days:0:30, repeatable) and id prefix (q), sorted (sort, order) and paged (page, page_size ≤ 500).")
          .Produces<CustomerPage>().ProducesProblem(400);

        g.MapGet("/{id}", (string id, string? lang, ServerStore store) =>
        {
            using var c = store.Open();
            var row = CustomerQuery.One(c, id) ?? throw ApiException.NotFound("customer " + id);
            var language = lang is "zh-CN" or "zh" ? "zh-CN" : "en";
            // The CLI's `customer show`: every scheme's segment with its reason (the matched rule with this customer's values) and playbook.
            var profile = CustomerProfiles.Read(c, Path.GetFileName(store.Database), id, language);
            return Results.Ok(new
            {
                customer_id = id,
                as_of = profile.AsOf,
                features = row,
                predictions = profile.Predictions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                reasons = profile.Segments.Select(s => new
                {
                    scheme = s.Scheme,
                    segment = s.Segment,
                    label = s.Label.For(language),
                    reason = s.Reason,
                    action = s.Playbook?.Action?.For(language),
                    channel = s.Playbook?.Channel,
                    priority = s.Playbook?.Priority,
                }),
            });
        }).WithSummary("One customer's profile: features, predictions, and every scheme's segment with its reason and playbook (`segmenta customer show`).").ProducesProblem(404);
    }

    /// <summary>Parses <c>column:min:max</c>; either bound may be empty.</summary>
    internal static (string Column, double? Min, double? Max) ParseRange(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0].Length == 0)
            throw new SegmentaInputException($"range \"{text}\": write column:min:max, e.g. recency_days:0:30 or monetary_total:1000: . / range 格式为 列:最小:最大。");
        return (parts[0], Bound(parts[1], text), Bound(parts[2], text));
    }

    private static double? Bound(string s, string text) =>
        s.Length == 0 ? null
        : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
        : throw new SegmentaInputException($"range \"{text}\": \"{s}\" is not a number. / \"{s}\" 不是数字。");
}
