using System.Security.Claims;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Output;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Endpoints;

/// <summary>Exports of personal data (analysts and admins; every export is audited). Viewers get 403.</summary>
internal static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/exports").WithTags("exports").RequireAuthorization(Roles.CanAnalyse);
        g.MapGet("/customers", (string? format, ServerStore store, ServerSettings settings, AuditLog audit, ClaimsPrincipal who) =>
        {
            var xlsx = format?.ToLowerInvariant() switch
            {
                null or "csv" => false,
                "xlsx" => true,
                _ => throw new Core.SegmentaInputException($"format \"{format}\": use csv or xlsx. / format 只能是 csv 或 xlsx。"),
            };
            using var c = store.Open();
            if (!new DuckDbEngine(c).TableExists(DuckDbEngine.SegmentsTable))
                throw new ApiException(StatusCodes.Status404NotFound, "No run yet", "no segmentation has run on this store yet. / 还没有分群结果。");
            var path = TempFile(settings, xlsx ? ".xlsx" : ".csv");
            if (xlsx) CustomerTableExporter.WriteXlsx(c, DuckDbEngine.SegmentsTable, path);
            else CustomerTableExporter.WriteCsv(c, DuckDbEngine.SegmentsTable, path);
            audit.Write(who.Actor(), "export.customers", $"customers.{(xlsx ? "xlsx" : "csv")} ({new FileInfo(path).Length} bytes)");
            return Download(path, xlsx ? "customers.xlsx" : "customers.csv");
        }).WithSummary("Every customer with features and segments, as CSV (UTF-8 with BOM) or XLSX; text cells are formula-neutralised.")
          .ProducesProblem(403).ProducesProblem(404);
    }

    /// <summary>The action list of a scheme (<c>segmenta actions</c>): customer, segment, reason, action, channel, owner, priority, next contact.</summary>
    public static void MapActions(RouteGroupBuilder api) =>
        api.MapGet("/actions", (string? scheme, string? format, string? lang, ServerStore store, ServerSettings settings, AuditLog audit, ClaimsPrincipal who) =>
        {
            var extension = format?.ToLowerInvariant() switch
            {
                null or "csv" => ".csv",
                "xlsx" => ".xlsx",
                _ => throw new Core.SegmentaInputException($"format \"{format}\": use csv or xlsx. / format 只能是 csv 或 xlsx。"),
            };
            var language = lang is "zh-CN" or "zh" ? "zh-CN" : "en";
            var name = scheme ?? DefaultActionScheme;
            IReadOnlyList<Data.Actions.ActionRow> rows;
            using (var c = store.Open()) rows = Data.Actions.ActionList.Build(c, Path.GetFileName(store.Database), name, language);
            var path = TempFile(settings, extension);
            Data.Actions.ActionList.Write(rows, path);
            audit.Write(who.Actor(), "export.actions", $"actions of {name} ({rows.Count} rows, {extension[1..]})");
            return Download(path, $"actions_{name}{extension}");
        }).WithTags("exports").RequireAuthorization(Roles.CanAnalyse)
          .WithSummary("The action list of a scheme of the newest run (default retail_rfm) as CSV or XLSX; formula-neutralised, audited.")
          .ProducesProblem(400).ProducesProblem(403);

    /// <summary>The scheme whose action list the dashboard offers, and which every API run includes unless told otherwise.</summary>
    public const string DefaultActionScheme = "retail_rfm";

    /// <summary>A new file in the server's temp folder; deleted when the download stream closes.</summary>
    internal static string TempFile(ServerSettings settings, string extension)
    {
        var dir = Path.Combine(settings.DataDirectory, "tmp");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
    }

    /// <summary>Streams a file and deletes it afterwards.</summary>
    internal static IResult Download(string path, string downloadName)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var type = Path.GetExtension(downloadName) switch
        {
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".html" => "text/html; charset=utf-8",
            _ => "text/csv; charset=utf-8",
        };
        return Results.File(stream, type, downloadName);
    }
}
