using System.Security.Claims;
using Segmenta.Reports;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Endpoints;

/// <summary>The report of the newest run (the CLI's <c>segmenta report</c>): self-contained HTML or the Excel workbook. Audited.</summary>
internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/report", (string? format, string? lang, long? snapshot, long? compare, ServerStore store, ServerSettings settings, AuditLog audit, ClaimsPrincipal who) =>
        {
            var extension = format?.ToLowerInvariant() switch
            {
                null or "html" => ".html",
                "xlsx" => ".xlsx",
                _ => throw new Core.SegmentaInputException($"format \"{format}\": use html or xlsx. / format 只能是 html 或 xlsx。"),
            };
            var language = lang switch
            {
                null or "en" => "en",
                "zh-CN" or "zh" => "zh-CN",
                _ => throw new Core.SegmentaInputException($"lang \"{lang}\": use zh-CN or en. / lang 只能是 zh-CN 或 en。"),
            };
            var path = ExportEndpoints.TempFile(settings, extension);
            ReportWriter.WriteFromStore(store.Database, path, language, new Data.Reporting.ReportBuildOptions { Snapshot = snapshot, Compare = compare });
            audit.Write(who.Actor(), "export.report", $"report{extension} ({language}{(snapshot is { } id ? ", snapshot " + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")})");
            return ExportEndpoints.Download(path, "segmenta-report" + extension);
        }).WithTags("exports").RequireAuthorization(Roles.CanAnalyse)
          .WithSummary("The report of the newest run, or of stored snapshot `snapshot` (migration against `compare`, default the one before): self-contained bilingual HTML (charts inline, works offline) or the Excel workbook.")
          .ProducesProblem(400).ProducesProblem(403);
    }
}
