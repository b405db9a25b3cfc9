using System.Globalization;
using Segmenta.Core.Customers;
using Segmenta.Data.Import;

namespace Segmenta.Data.Sql;

/// <summary>
/// Per-customer features from the interactions and surveys tables as of a date, written once against
/// <see cref="SqlDialect"/> (CASE sums rather than FILTER, so every engine can run them). "The last N days" are the N days
/// ending on the as-of date: as-of − date &lt; N, date ≤ as-of. Rows after the as-of date are ignored.
/// </summary>
internal static class ContactFeatureQuery
{
    /// <summary>Days since 1900-01-01 × this + the source row: orders survey answers by date, then by file order.</summary>
    private const long RowsPerDay = 10_000_000_000;

    /// <summary>One aggregate row per customer with an interaction on or before <paramref name="asOf"/>.</summary>
    /// <param name="d">The dialect.</param>
    /// <param name="table">The interactions table.</param>
    /// <param name="asOf">The last day included.</param>
    /// <param name="unitCosts">Cost per interaction type for interactions without a recorded cost.</param>
    public static string Interactions(SqlDialect d, string table, DateOnly asOf, IReadOnlyDictionary<string, decimal> unitCosts)
    {
        var asOfSql = d.DateLiteral(asOf);
        var days = d.DaysBetween("interaction_date", asOfSql);
        var unit = unitCosts.Count == 0 ? "0"
            : "CASE type " + string.Join(" ", unitCosts.OrderBy(u => u.Key, StringComparer.Ordinal)
                .Select(u => $"WHEN {d.StringLiteral(u.Key)} THEN {d.DecimalLiteral(u.Value)}")) + " ELSE 0 END";
        var cost = $"coalesce(cost, {unit})";
        string Count(string condition) => $"CAST(sum(CASE WHEN {condition} THEN 1 ELSE 0 END) AS BIGINT)";
        return "SELECT customer_id, "
            + Count($"{days} < 90") + " AS " + FeatureNames.Contacts90d + ", "
            + Count($"{days} < 90 AND type = {d.StringLiteral(InteractionTypes.Visit)}") + " AS " + FeatureNames.Visits90d + ", "
            + Count($"{days} < 90 AND type = {d.StringLiteral(InteractionTypes.Call)}") + " AS " + FeatureNames.Calls90d + ", "
            + Count($"{days} < 30") + " AS " + FeatureNames.Contacts30d + ", "
            + $"CAST(min({days}) AS BIGINT) AS {FeatureNames.LastContactDays}, "
            + $"CAST(sum(CASE WHEN {days} < 90 THEN {cost} ELSE 0 END) AS DECIMAL(18,4)) AS {FeatureNames.ContactCost90d}, "
            + $"CAST(sum({cost}) AS DECIMAL(18,4)) AS {FeatureNames.ContactCostTotal} "
            + $"FROM {table} WHERE interaction_date <= {asOfSql} GROUP BY customer_id";
    }

    /// <summary>The interaction feature columns of the outer query (<paramref name="alias"/> = the aggregate's alias); 0 when none.</summary>
    public static IEnumerable<string> InteractionColumns(string alias) =>
    [
        $"coalesce({alias}.{FeatureNames.Contacts90d}, 0) AS {FeatureNames.Contacts90d}",
        $"coalesce({alias}.{FeatureNames.Visits90d}, 0) AS {FeatureNames.Visits90d}",
        $"coalesce({alias}.{FeatureNames.Calls90d}, 0) AS {FeatureNames.Calls90d}",
        $"coalesce({alias}.{FeatureNames.Contacts30d}, 0) AS {FeatureNames.Contacts30d}",
        $"{alias}.{FeatureNames.LastContactDays} AS {FeatureNames.LastContactDays}",
        $"coalesce({alias}.{FeatureNames.ContactCost90d}, CAST(0 AS DECIMAL(18,4))) AS {FeatureNames.ContactCost90d}",
        $"coalesce({alias}.{FeatureNames.ContactCostTotal}, CAST(0 AS DECIMAL(18,4))) AS {FeatureNames.ContactCostTotal}",
    ];

    /// <summary>
    /// One aggregate row per customer with a survey answer on or before <paramref name="asOf"/>: the latest NPS (latest date,
    /// then the last row of the file on that date), the mean CSAT, and the latest non-empty need.
    /// </summary>
    public static string Surveys(SqlDialect d, string table, DateOnly asOf)
    {
        var asOfSql = d.DateLiteral(asOf);
        var order = $"({d.DaysBetween(d.DateLiteral(new DateOnly(1900, 1, 1)), "survey_date")} * {RowsPerDay.ToString(CultureInfo.InvariantCulture)} + src_row)";
        return "SELECT customer_id, "
            + d.ArgMax("nps", $"CASE WHEN nps IS NOT NULL THEN {order} END") + $" AS {FeatureNames.Nps}, "
            + $"avg(CAST(csat AS DOUBLE)) AS {FeatureNames.Csat}, "
            + d.ArgMax("need", $"CASE WHEN need IS NOT NULL THEN {order} END") + $" AS {FeatureNames.SurveyNeed} "
            + $"FROM {table} WHERE survey_date <= {asOfSql} GROUP BY customer_id";
    }

    /// <summary>
    /// The survey feature columns of the outer query; null when none. NPS groups after Reichheld (2003), "The One Number You
    /// Need to Grow", Harvard Business Review 81(12): promoters answer 9–10, passives 7–8, detractors 0–6.
    /// </summary>
    public static IEnumerable<string> SurveyColumns(SqlDialect d, string alias) =>
    [
        $"CAST({alias}.{FeatureNames.Nps} AS INTEGER) AS {FeatureNames.Nps}",
        $"CASE WHEN {alias}.{FeatureNames.Nps} >= 9 THEN {d.StringLiteral(NpsGroups.Promoter)} "
            + $"WHEN {alias}.{FeatureNames.Nps} >= 7 THEN {d.StringLiteral(NpsGroups.Passive)} "
            + $"WHEN {alias}.{FeatureNames.Nps} >= 0 THEN {d.StringLiteral(NpsGroups.Detractor)} END AS {FeatureNames.NpsGroup}",
        $"{alias}.{FeatureNames.Csat} AS {FeatureNames.Csat}",
        $"{alias}.{FeatureNames.SurveyNeed} AS {FeatureNames.SurveyNeed}",
    ];

    /// <summary>
    /// The profitability columns over the finished feature table: gross_margin = margin when the customer has a recorded
    /// cost of goods, else monetary_total × <paramref name="marginRate"/> (null when no rate is known); cost_to_serve =
    /// contact_cost_total; profit = gross_margin − cost_to_serve.
    /// </summary>
    public static string Profit(SqlDialect d, string features, decimal? marginRate)
    {
        var rated = marginRate is { } r ? $"{FeatureNames.MonetaryTotal} * {d.DecimalLiteral(r)}" : "CAST(NULL AS DECIMAL(18,4))";
        var gross = $"CAST(coalesce({FeatureNames.Margin}, {rated}) AS DECIMAL(18,4))";
        return $"SELECT *, {gross} AS {FeatureNames.GrossMargin}, {FeatureNames.ContactCostTotal} AS {FeatureNames.CostToServe}, "
            + $"CAST({gross} - {FeatureNames.ContactCostTotal} AS DECIMAL(18,4)) AS {FeatureNames.Profit} FROM {features}";
    }
}
