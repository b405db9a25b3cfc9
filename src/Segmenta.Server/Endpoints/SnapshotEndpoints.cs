using System.Security.Claims;
using System.Text.Json.Nodes;
using Segmenta.Data.Snapshots;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Endpoints;

/// <summary>Stored snapshots (every run makes one) and the migration between two of them (the CLI's <c>snapshots</c> commands).</summary>
internal static class SnapshotEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("snapshots").RequireAuthorization(Roles.CanView);
        g.MapGet("/snapshots", (ServerStore store) =>
        {
            using var c = store.Open();
            return Results.Ok(new SnapshotStore(c).List().OrderByDescending(h => h.Id).Select(h => Header(h)));
        }).WithSummary("Complete snapshots, newest first: as-of date, customers, schemes with versions and cut points.");

        g.MapGet("/snapshots/{id:long}", (long id, ServerStore store) =>
        {
            using var c = store.Open();
            var snapshots = new SnapshotStore(c);
            var header = snapshots.Get(id) ?? throw ApiException.NotFound("snapshot " + id);
            var json = Header(header);
            var recomputed = snapshots.ComputeContentHash(id);
            json["content_hash_recomputed"] = recomputed;
            json["intact"] = recomputed == header.ContentHash;
            return Results.Ok(json);
        }).WithSummary("One snapshot, with its content hash recomputed from the stored rows (intact = true when they match).").ProducesProblem(404);

        g.MapGet("/migration", (long from, long to, string? scheme, ServerStore store, ClaimsPrincipal user) =>
        {
            using var c = store.Open();
            var json = SnapshotComparer.ToJson(SnapshotComparer.Diff(c, from, to, scheme));
            // Movers name customers: analysts and admins only; viewers get the matrix and flows.
            if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Analyst))
                foreach (var (_, node) in json["schemes"]!.AsObject()) node!.AsObject().Remove("movers");
            StripPath(json["before"]!.AsObject());
            StripPath(json["after"]!.AsObject());
            return Results.Ok(json);
        }).WithSummary("Migration from snapshot `from` to `to` (one scheme or all): transition matrix, row shares, movers (analysts), entries/exits and Sankey flows.")
          .ProducesProblem(400);
    }

    private static JsonObject Header(SnapshotHeader h) => StripPath(SnapshotComparer.Header(h));

    /// <summary>The server's upload path is internal: only the file name is shown.</summary>
    private static JsonObject StripPath(JsonObject header)
    {
        if (header["input"] is JsonObject input && input["path"]?.GetValue<string>() is { } path) input["path"] = Path.GetFileName(path);
        return header;
    }
}
