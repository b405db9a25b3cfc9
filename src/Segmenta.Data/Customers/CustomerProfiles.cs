using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Schemes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Customers;

/// <summary>Reads one customer's profile from a store (<c>segmenta customer show</c>, and the server later).</summary>
public static class CustomerProfiles
{
    /// <summary>Interaction and survey tables another import adds; summarised when present.</summary>
    public const string InteractionsTable = "interactions", SurveysTable = "surveys";

    /// <summary>The profile of <paramref name="customerId"/>.</summary>
    /// <exception cref="SegmentaInputException">No run in the store, or no such customer (with close ids when there are any).</exception>
    public static CustomerProfile Read(DuckDBConnection connection, string storeName, string customerId, string language)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(customerId);
        var run = SegmentRunStore.Load(connection, storeName);
        var row = StoreRows.One(connection, DuckDbEngine.SegmentsTable, customerId);
        if (row is null)
        {
            var close = StoreRows.Similar(connection, customerId);
            var hint = close.Count == 0 ? "" : "; did you mean " + string.Join(" or ", close.Select(c => $"\"{c}\"")) + "?";
            throw new SegmentaInputException($"customer \"{customerId}\" is not in the last segment run of {storeName}{hint} — check the id (ids are compared exactly, as text)");
        }
        var engine = new DuckDbEngine(connection);
        var featureColumns = engine.TableColumns(DuckDbEngine.FeaturesTable).Where(c => c != "customer_id").ToList();
        var features = featureColumns.Where(c => !IsPrediction(c)).Select(c => KeyValuePair.Create(c, row.GetValueOrDefault(c))).ToList();
        var predictions = featureColumns.Where(IsPrediction).Select(c => KeyValuePair.Create(c, row.GetValueOrDefault(c))).ToList();
        var segments = new List<CustomerSegment>();
        foreach (var s in run.Schemes)
        {
            if (!row.TryGetValue(s.SegmentColumn, out var value)) continue;
            var key = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            var segment = s.Segment(key);
            segments.Add(new CustomerSegment(s.Scheme, s.Label, key, segment?.Info.Label ?? new LocalizedText(key, key),
                s.Reason(key, name => row.GetValueOrDefault(name), language, run.Schemes), segment?.Playbook));
        }
        return new CustomerProfile(customerId, run.AsOf, features, predictions, segments,
            Summary(engine, connection, InteractionsTable, customerId, InteractionAggregates),
            Summary(engine, connection, SurveysTable, customerId, SurveyAggregates));
    }

    private static bool IsPrediction(string column) =>
        column is "p_alive" or "exp_spend" || column.StartsWith("exp_purchases_", StringComparison.Ordinal) || column.StartsWith("clv_", StringComparison.Ordinal);

    private static readonly (string Name, string Column, string Sql)[] InteractionAggregates =
    [
        ("contacts", "customer_id", "count(*)"),
        ("first_contact", "interaction_date", "min(interaction_date)"),
        ("last_contact", "interaction_date", "max(interaction_date)"),
        ("visits", "type", "count(*) FILTER (WHERE type = 'visit')"),
        ("calls", "type", "count(*) FILTER (WHERE type = 'call')"),
        ("emails", "type", "count(*) FILTER (WHERE type = 'email')"),
        ("meetings", "type", "count(*) FILTER (WHERE type = 'meeting')"),
        ("contact_cost", "cost", "sum(cost)"),
        ("owners", "owner", "string_agg(DISTINCT owner, ', ')"),
    ];

    private static readonly (string Name, string Column, string Sql)[] SurveyAggregates =
    [
        ("surveys", "customer_id", "count(*)"),
        ("last_survey", "survey_date", "max(survey_date)"),
        ("latest_nps", "nps", "arg_max(nps, survey_date) FILTER (WHERE nps IS NOT NULL)"),
        ("mean_csat", "csat", "avg(csat)"),
        ("latest_need", "need", "arg_max(need, survey_date) FILTER (WHERE need IS NOT NULL)"),
    ];

    /// <summary>The aggregates whose column the table has (the table's layout belongs to its importer), or null without the table.</summary>
    private static List<KeyValuePair<string, object?>>? Summary(
        DuckDbEngine engine, DuckDBConnection connection, string table, string customerId, (string Name, string Column, string Sql)[] aggregates)
    {
        if (!engine.TableExists(table)) return null;
        var columns = engine.TableColumns(table).ToHashSet(StringComparer.Ordinal);
        var usable = aggregates.Where(a => columns.Contains(a.Column)).ToList();
        if (!columns.Contains("customer_id") || usable.Count == 0) return null;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", usable.Select(a => a.Sql + " AS " + a.Name))} FROM {table} WHERE customer_id = ?";
        cmd.Parameters.Add(new DuckDBParameter(customerId));
        using var reader = cmd.ExecuteReader();
        reader.Read();
        var row = StoreRows.Read(reader);
        return [.. usable.Select(a => KeyValuePair.Create(a.Name, row[a.Name]))];
    }
}
