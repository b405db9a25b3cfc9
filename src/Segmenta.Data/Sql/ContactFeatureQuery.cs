using System.Globalization;
using Segmenta.Core.Customers;
using Segmenta.Data.Import;

namespace Segmenta.Data.Sql;

/// <summary>
/// Per-customer features from the interactions and surveys tables as of a date, written once against
/// <see cref="SqlDialect"/>, so DuckDB, PostgreSQL and ClickHouse compute the same values. "The last N days" are the N days
/// ending on the as-of date: as-of − date &lt; N, date ≤ as-of. Rows after the as-of date are ignored.
/// </summary>
internal static class ContactFeatureQuery
{
    /// <summary>Days since 1970-01-01 × this + the source row: orders survey answers by date, then by file order.</summary>
    private const long RowsPerDay = 10_000_000_000;

    /// <summary>The columns of <see cref="Interactions"/> besides customer_id (the features' names with an <c>ix_</c> prefix).</summary>
    public static IReadOnlyList<string> InteractionAggregates { get; } = [.. FeatureNames.InteractionFeatures.Select(n => "ix_" + n)];

    /// <summary>The columns of <see cref="Surveys"/> besides customer_id.</summary>
    public static IReadOnlyList<string> SurveyAggregates { get; } = ["sv_" + FeatureNames.Nps, "sv_" + FeatureNames.Csat, "sv_" + FeatureNames.SurveyNeed];

    /// <summary>One aggregate row per customer with an interaction on or before <paramref name="asOf"/> (columns <see cref="InteractionAggregates"/>).</summary>
    /// <param name="d">The dialect.</param>
    /// <param name="table">The interactions table.</param>
    /// <param name="asOf">The last day included.</param>
    /// <param name="unitCosts">Cost per interaction type for interactions without a recorded cost.</param>
    public static string Interactions(SqlDialect d, string table, DateOnly asOf, IReadOnlyDictionary<string, decimal> unitCosts)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(unitCosts);
        var asOfSql = d.DateLiteral(asOf);
        var days = d.DaysBetween("interaction_date", asOfSql);
        var zero = d.Cast("0", SqlType.Money);
        // Every branch is money, so no engine has to find a common type for decimals of different scales.
        var unit = unitCosts.Count == 0 ? zero
            : "CASE " + string.Join(" ", unitCosts.OrderBy(u => u.Key, StringComparer.Ordinal)
                .Select(u => $"WHEN type = {d.StringLiteral(u.Key)} THEN {d.Cast(d.DecimalLiteral(u.Value), SqlType.Money)}")) + $" ELSE {zero} END";
        var cost = $"coalesce(cost, {unit})";
        return "SELECT customer_id, "
            + d.CountIf($"{days} < 90") + " AS ix_" + FeatureNames.Contacts90d + ", "
            + d.CountIf($"{days} < 90 AND type = {d.StringLiteral(InteractionTypes.Visit)}") + " AS ix_" + FeatureNames.Visits90d + ", "
            + d.CountIf($"{days} < 90 AND type = {d.StringLiteral(InteractionTypes.Call)}") + " AS ix_" + FeatureNames.Calls90d + ", "
            + d.CountIf($"{days} < 30") + " AS ix_" + FeatureNames.Contacts30d + ", "
            + d.Cast($"min({days})", SqlType.BigInt) + " AS ix_" + FeatureNames.LastContactDays + ", "
            + d.Cast($"sum(CASE WHEN {days} < 90 THEN {cost} ELSE {zero} END)", SqlType.Money) + " AS ix_" + FeatureNames.ContactCost90d + ", "
            + d.Cast($"sum({cost})", SqlType.Money) + " AS ix_" + FeatureNames.ContactCostTotal + " "
            + $"FROM {table} WHERE interaction_date <= {asOfSql} GROUP BY customer_id";
    }

    /// <summary>
    /// One aggregate row per customer with a survey answer on or before <paramref name="asOf"/> (columns
    /// <see cref="SurveyAggregates"/>): the latest NPS (latest date, then the last row of the file on that date), the mean
    /// CSAT, and the latest non-empty need.
    /// </summary>
    public static string Surveys(SqlDialect d, string table, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(d);
        var asOfSql = d.DateLiteral(asOf);
        // 1970-01-01: the first day every engine's DATE holds (ClickHouse's Date starts there); earlier dates give
        // negative keys, still in order because src_row < RowsPerDay.
        var order = $"({d.DaysBetween(d.DateLiteral(new DateOnly(1970, 1, 1)), "survey_date")} * {RowsPerDay.ToString(CultureInfo.InvariantCulture)} + src_row)";
        return "SELECT customer_id, "
            + d.ArgMax("nps", $"CASE WHEN nps IS NOT NULL THEN {order} END") + $" AS sv_{FeatureNames.Nps}, "
            + $"avg({d.ToDouble("csat")}) AS sv_{FeatureNames.Csat}, "
            + d.ArgMax("need", $"CASE WHEN need IS NOT NULL THEN {order} END") + $" AS sv_{FeatureNames.SurveyNeed} "
            + $"FROM {table} WHERE survey_date <= {asOfSql} GROUP BY customer_id";
    }

    /// <summary>
    /// The outer query's expression for an interaction or survey feature over the joined aggregates (null for any other
    /// column). Interaction counts and costs are 0 for customers without interactions. NPS groups after Reichheld (2003),
    /// "The One Number You Need to Grow", Harvard Business Review 81(12): promoters answer 9–10, passives 7–8, detractors 0–6.
    /// </summary>
    public static string? OuterColumn(SqlDialect d, string feature)
    {
        ArgumentNullException.ThrowIfNull(d);
        return feature switch
        {
            FeatureNames.Contacts90d or FeatureNames.Visits90d or FeatureNames.Calls90d or FeatureNames.Contacts30d =>
                d.Cast($"coalesce(ix_{feature}, 0)", SqlType.BigInt),
            FeatureNames.LastContactDays => "ix_" + feature,
            FeatureNames.ContactCost90d or FeatureNames.ContactCostTotal => d.Cast($"coalesce(ix_{feature}, {d.Cast("0", SqlType.Money)})", SqlType.Money),
            FeatureNames.Nps => d.Cast("sv_" + FeatureNames.Nps, SqlType.Int),
            FeatureNames.NpsGroup =>
                $"CASE WHEN sv_{FeatureNames.Nps} >= 9 THEN {d.StringLiteral(NpsGroups.Promoter)} "
                + $"WHEN sv_{FeatureNames.Nps} >= 7 THEN {d.StringLiteral(NpsGroups.Passive)} "
                + $"WHEN sv_{FeatureNames.Nps} >= 0 THEN {d.StringLiteral(NpsGroups.Detractor)} END",
            FeatureNames.Csat or FeatureNames.SurveyNeed => "sv_" + feature,
            _ => null,
        };
    }

    /// <summary>
    /// The profitability columns over the finished feature table: gross_margin = margin when the customer has a recorded
    /// cost of goods, else monetary_total × <paramref name="marginRate"/> rounded half away from zero to 4 decimals (null
    /// when no rate is known); cost_to_serve = contact_cost_total; profit = gross_margin − cost_to_serve.
    /// </summary>
    /// <param name="d">The dialect.</param>
    /// <param name="features">The feature table.</param>
    /// <param name="columns">Its columns, in order (listed, not <c>*</c>, so every engine keeps the order).</param>
    /// <param name="marginRate">The margin rate for customers without a recorded cost.</param>
    public static string Profit(SqlDialect d, string features, IReadOnlyList<string> columns, decimal? marginRate)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(columns);
        var rated = marginRate is { } r ? d.MoneyTimes(FeatureNames.MonetaryTotal, r) : d.NullOf(SqlType.Money);
        var gross = d.Cast($"coalesce({FeatureNames.Margin}, {rated})", SqlType.Money);
        return $"SELECT {string.Join(", ", columns.Select(d.QuoteIdentifier))}, {gross} AS {FeatureNames.GrossMargin}, "
            + $"{FeatureNames.ContactCostTotal} AS {FeatureNames.CostToServe}, "
            + $"{d.Cast($"{gross} - {FeatureNames.ContactCostTotal}", SqlType.Money)} AS {FeatureNames.Profit} FROM {features}";
    }

    /// <summary>The rate for customers without a recorded cost: Σ margin and Σ revenue over customers with a margin and revenue &gt; 0.</summary>
    public static string MarginSums(string features) =>
        $"SELECT sum({FeatureNames.Margin}), sum({FeatureNames.MonetaryTotal}) FROM {features} WHERE {FeatureNames.Margin} IS NOT NULL AND {FeatureNames.MonetaryTotal} > 0";

    /// <summary>Σ margin / Σ revenue rounded to 10 decimals (the rule of <see cref="Core.Clv.MarginRates"/>), or null when Σ revenue ≤ 0.</summary>
    public static decimal? PopulationMarginRate(decimal margin, decimal revenue) => revenue <= 0 ? null : Math.Round(margin / revenue, 10);

    /// <summary>The margin rate for customers without a recorded cost: the given rate, else null when no margin is known (the population rate is read next).</summary>
    public static decimal? GivenMarginRate(Core.Pipelines.ProfitabilityOptions profitability)
    {
        ArgumentNullException.ThrowIfNull(profitability);
        return profitability.MarginRate is { } given ? Math.Round((decimal)given, 10) : null;
    }
}
