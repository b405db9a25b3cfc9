using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segmenta.Core.Ingest;

namespace Segmenta.Data.Runs;

/// <summary>
/// The machine-readable summary of a run (<c>summary.json</c> and <c>segmenta segment --json</c>). Its top-level
/// keys are a contract other tools rely on: rows_read, rows_accepted, rows_rejected, customers, as_of, schemes.
/// </summary>
public static class RunSummary
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep Chinese readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The summary as a JSON object.</summary>
    public static JsonObject ToJsonObject(SegmentationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var t = run.Transactions;
        var features = run.Result.Features;
        var schemes = new JsonObject();
        var details = new JsonObject();
        foreach (var scheme in run.Result.Schemes)
        {
            var counts = new JsonObject();
            var table = new JsonArray();
            var labels = scheme.Plan.Segments.ToDictionary(s => s.Key, StringComparer.Ordinal);
            var total = scheme.Segments.Sum(s => s.Customers);
            var revenue = scheme.Segments.Sum(s => s.Revenue);
            foreach (var s in scheme.Segments)
            {
                counts[s.Segment] = s.Customers;
                labels.TryGetValue(s.Segment, out var info);
                table.Add(new JsonObject
                {
                    ["segment"] = s.Segment,
                    ["label_en"] = info?.Label.En ?? s.Segment,
                    ["label_zh"] = info?.Label.ZhCn ?? s.Segment,
                    ["customers"] = s.Customers,
                    ["share"] = total == 0 ? 0 : Math.Round((double)s.Customers / total, 6),
                    ["revenue"] = s.Revenue,
                    ["revenue_share"] = revenue == 0 ? 0 : Math.Round((double)(s.Revenue / revenue), 6),
                    ["mean_recency_days"] = Math.Round(s.MeanRecencyDays, 4),
                    ["mean_orders"] = Math.Round(s.MeanOrders, 4),
                    ["mean_monetary"] = Math.Round(s.MeanMonetary, 4),
                });
            }
            schemes[scheme.Name] = counts;
            var parameters = new JsonObject();
            foreach (var (name, values) in scheme.Plan.Parameters)
                parameters[name] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
            details[scheme.Name] = new JsonObject
            {
                ["segment_column"] = scheme.Plan.SegmentColumn,
                ["parameters"] = parameters,
                ["segments"] = table,
            };
        }
        return new JsonObject
        {
            ["rows_read"] = t.RowsRead,
            ["rows_accepted"] = t.RowsAccepted,
            ["rows_rejected"] = t.RowsRejected,
            ["customers"] = features.Customers,
            ["as_of"] = features.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["schemes"] = schemes,
            ["engine"] = run.Result.Engine,
            ["transactions_used"] = features.TransactionsUsed,
            ["transactions_after_as_of"] = features.TransactionsAfterAsOf,
            ["first_date"] = features.FirstDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["last_date"] = features.LastDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["load"] = LoadJson(t),
            ["customers_load"] = run.Customers is null ? null : LoadJson(run.Customers),
            ["interactions_load"] = run.Interactions is null ? null : LoadJson(run.Interactions),
            ["surveys_load"] = run.Surveys is null ? null : LoadJson(run.Surveys),
            ["scheme_details"] = details,
            ["models"] = run.Result.Models is not { } m ? null : new JsonObject
            {
                ["bgnbd"] = FitJson(m.Transactions.Fit),
                ["gammagamma"] = FitJson(m.Spend.Fit),
                ["columns"] = new JsonArray([.. m.Columns.Select(c => (JsonNode?)c.Name)]),
            },
            ["snapshot"] = run.Snapshot is not { } snap ? null : new JsonObject
            {
                ["id"] = snap.Id,
                ["as_of"] = snap.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["content_hash"] = snap.ContentHash,
                ["frozen_from"] = snap.FrozenFrom,
                ["stable_from"] = snap.StableFrom,
            },
            ["alerts"] = run.Alerts?.ToJson(),
            ["propensity"] = run.Result.Propensity is not { } p ? null : Propensity.PropensityJson.Run(p),
            ["files"] = new JsonObject([.. run.Files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
            ["notes"] = new JsonArray([.. run.Notes.Select(n => (JsonNode?)n)]),
            ["seconds"] = new JsonObject([.. run.StepSeconds.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
        };
    }

    /// <summary>A model fit as JSON: the papers' parameter names, standard errors, log-likelihood, customers.</summary>
    public static JsonObject? FitJson(Core.Clv.ModelFit? fit) => fit is null ? null : new JsonObject
    {
        ["model"] = fit.Model,
        ["params"] = new JsonObject([.. fit.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Math.Round(p.Value, 6)))]),
        ["stderr"] = new JsonObject([.. fit.StandardErrors.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)(double.IsFinite(p.Value) ? Math.Round(p.Value, 6) : null)))]),
        ["loglik"] = Math.Round(fit.LogLikelihood, 4),
        ["n_customers"] = fit.NumberOfCustomers,
        ["converged"] = fit.Converged,
    };

    /// <summary>The summary as indented JSON text.</summary>
    public static string ToJson(SegmentationRun run) => ToJsonObject(run).ToJsonString(Indented);

    /// <summary>A load report as JSON.</summary>
    public static JsonObject LoadJson(LoadReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new JsonObject
        {
            ["source"] = r.Source,
            ["rows_read"] = r.RowsRead,
            ["rows_accepted"] = r.RowsAccepted,
            ["rows_rejected"] = r.RowsRejected,
            ["rejected_by_reason"] = new JsonObject([.. r.RejectedByReason.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["duplicate_rows"] = r.DuplicateRows,
            ["return_rows"] = r.ReturnRows,
            ["column_mapping"] = new JsonObject([.. r.ColumnMapping.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["encoding"] = r.Encoding,
            ["rejects_file"] = r.RejectsFile,
        };
    }

    /// <summary>Serialises any JSON node the way the CLI prints it.</summary>
    public static string Print(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Indented);
    }
}
