using System.Security.Claims;
using Segmenta.Data.Import;
using Segmenta.Server.Security;
using Segmenta.Server.Uploads;

namespace Segmenta.Server.Endpoints;

/// <summary>Uploads of transactions, customers, interactions and surveys files.</summary>
internal static class UploadEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var uploads = api.MapGroup("/uploads").WithTags("uploads").RequireAuthorization(Roles.CanAnalyse);
        uploads.MapPost("/{kind}", async (string kind, HttpContext ctx, UploadService service, ServerSettings settings, ClaimsPrincipal who,
            string? fileName, string? map, string? encoding, string? sheet, string? returns, double? maxRejectRate, string? decimalSeparator) =>
        {
            var importKind = kind switch
            {
                "transactions" => ImportKind.Transactions,
                "customers" => ImportKind.Customers,
                "interactions" => ImportKind.Interactions,
                "surveys" => ImportKind.Surveys,
                _ => throw ApiException.NotFound($"upload kind \"{kind}\" (use transactions, customers, interactions or surveys)"),
            };
            ServerHost.AllowLargeBody(ctx, settings.MaxUploadBytes);
            var options = new UploadSettings { Map = map, Encoding = encoding, Sheet = sheet, Returns = returns, MaxRejectRate = maxRejectRate, DecimalSeparator = decimalSeparator };
            var record = await service.ReceiveAsync(importKind, fileName, ctx.Request.Body, ctx.Request.ContentLength, options, who.Actor(), ctx.RequestAborted);
            return Results.Created($"/api/v1/uploads/{record.Id}", record);
        })
        .WithSummary("Upload a file as the raw request body, any content type (fileName gives its type: .csv .txt .tsv .xlsx .xls .parquet). The import is checked and its row accounting returned; a run imports it into the store.")
        .Produces<UploadRecord>(201).ProducesProblem(400).ProducesProblem(413);

        uploads.MapGet("", (UploadService service) => Results.Ok(service.List())).WithSummary("Uploads, newest first, with their row accounting.");
    }
}
