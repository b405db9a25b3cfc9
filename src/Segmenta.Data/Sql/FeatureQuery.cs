using System.Text;
using Segmenta.Core.Customers;

namespace Segmenta.Data.Sql;

/// <summary>
/// The per-customer feature query, written once and emitted per dialect. Two aggregation levels: first per
/// (customer, purchase day) — the BTYD convention counts purchase days, and the first day's spend is needed to
/// average the repeat purchases — then per customer.
/// </summary>
internal static class FeatureQuery
{
    /// <summary>What the transactions table offers beyond the required columns.</summary>
    /// <param name="HasOrderId">Some rows carry an order id (orders = distinct ids; rows without one count one each).</param>
    /// <param name="HasProduct">Some rows carry a product id.</param>
    /// <param name="HasCost">Some rows carry a cost (margin = amount − cost).</param>
    /// <param name="TransactionAttributes">Attribute columns of the transactions table (region, industry, …): the latest value per customer is kept.</param>
    /// <param name="CustomerAttributes">Columns of the customers table other than customer_id, joined in (a name that clashes with a transaction attribute gets a customer_ prefix).</param>
    /// <param name="HasDiscount">The transactions have a discount column (adds discount_share).</param>
    /// <param name="Interactions">The interactions table, or null (adds the interaction features).</param>
    /// <param name="Surveys">The surveys table, or null (adds the survey features).</param>
    /// <param name="UnitCosts">Cost per interaction type for interactions without a recorded cost.</param>
    internal sealed record Shape(
        bool HasOrderId,
        bool HasProduct,
        bool HasCost,
        IReadOnlyList<string> TransactionAttributes,
        IReadOnlyList<string> CustomerAttributes,
        bool HasDiscount = false,
        string? Interactions = null,
        string? Surveys = null,
        IReadOnlyDictionary<string, decimal>? UnitCosts = null);

    public static string Build(SqlDialect d, Shape shape, DateOnly asOf, string transactions, string? customers)
    {
        var asOfSql = d.DateLiteral(asOf);
        string Q(string name) => d.QuoteIdentifier(name);
        var orders = shape.HasOrderId
            ? "count(DISTINCT order_id) + count(*) FILTER (WHERE order_id IS NULL)"
            : "count(*)";

        var day = new StringBuilder();
        day.Append("SELECT customer_id, order_date, sum(amount) AS day_amount, ")
           .Append(orders).Append(" AS day_orders");
        if (shape.HasCost) day.Append(", sum(cost) AS day_cost");
        if (shape.HasDiscount)
            day.Append(", ").Append(shape.HasOrderId
                ? "count(DISTINCT CASE WHEN discount > 0 THEN order_id END) + sum(CASE WHEN order_id IS NULL AND discount > 0 THEN 1 ELSE 0 END)"
                : "sum(CASE WHEN discount > 0 THEN 1 ELSE 0 END)").Append(" AS day_discounted");
        foreach (var a in shape.TransactionAttributes) day.Append(", max(").Append(Q(a)).Append(") AS ").Append(Q(a));
        day.Append(" FROM ").Append(transactions).Append(" WHERE order_date <= ").Append(asOfSql)
           .Append(" GROUP BY customer_id, order_date");

        var first = "min(order_date)";
        var last = "max(order_date)";
        var f = new StringBuilder();
        f.Append("SELECT customer_id, ")
         .Append(first).Append(" AS ").Append(FeatureNames.FirstPurchase).Append(", ")
         .Append(last).Append(" AS ").Append(FeatureNames.LastPurchase).Append(", ")
         .Append("CAST(sum(day_orders) AS BIGINT) AS ").Append(FeatureNames.Orders).Append(", ")
         .Append("count(*) AS ").Append(FeatureNames.PurchaseDays).Append(", ")
         .Append("count(*) - 1 AS ").Append(FeatureNames.Frequency).Append(", ")
         .Append(d.DaysBetween(last, asOfSql)).Append(" AS ").Append(FeatureNames.RecencyDays).Append(", ")
         .Append(d.DaysBetween(first, asOfSql)).Append(" AS ").Append(FeatureNames.TenureDays).Append(", ")
         .Append(d.DaysBetween(first, last)).Append(" AS ").Append(FeatureNames.FirstToLastDays).Append(", ")
         .Append("CAST(sum(day_amount) AS DECIMAL(18,4)) AS ").Append(FeatureNames.MonetaryTotal).Append(", ")
         // Means are DOUBLE: engines divide decimals differently, so they are compared to 1e-9, totals exactly.
         .Append("CAST(sum(day_amount) AS DOUBLE) / sum(day_orders) AS ").Append(FeatureNames.MonetaryMean).Append(", ")
         // Gamma-Gamma input: mean spend per repeat purchase day (Fader, Hardie & Lee 2005, "RFM and CLV").
         .Append("CASE WHEN count(*) > 1 THEN CAST(sum(day_amount) - ").Append(d.ArgMin("day_amount", "order_date"))
         .Append(" AS DOUBLE) / (count(*) - 1) END AS ").Append(FeatureNames.RepeatMonetaryMean).Append(", ")
         .Append("CASE WHEN count(*) > 1 THEN CAST(").Append(d.DaysBetween(first, last))
         .Append(" AS DOUBLE) / (count(*) - 1) END AS ").Append(FeatureNames.MeanGapDays);
        f.Append(shape.HasCost
            ? ", CAST(sum(day_amount) - sum(day_cost) AS DECIMAL(18,4)) AS "
            : ", CAST(NULL AS DECIMAL(18,4)) AS ").Append(FeatureNames.Margin);
        if (shape.HasDiscount)
            f.Append(", CAST(sum(day_discounted) AS DOUBLE) / sum(day_orders) AS ").Append(FeatureNames.DiscountShare);
        foreach (var a in shape.TransactionAttributes)
            f.Append(", ").Append(d.ArgMax(Q(a), "order_date")).Append(" AS ").Append(Q(a));
        f.Append(" FROM (").Append(day).Append(") AS days GROUP BY customer_id");

        var sql = new StringBuilder();
        sql.Append("SELECT feat.*");
        sql.Append(shape.HasProduct ? ", prod.distinct_products AS " : ", CAST(NULL AS BIGINT) AS ").Append(FeatureNames.DistinctProducts);
        if (shape.Interactions is not null)
            foreach (var c in ContactFeatureQuery.InteractionColumns("ix")) sql.Append(", ").Append(c);
        if (shape.Surveys is not null)
            foreach (var c in ContactFeatureQuery.SurveyColumns(d, "sv")) sql.Append(", ").Append(c);
        foreach (var c in shape.CustomerAttributes)
            sql.Append(", cust.").Append(Q(c)).Append(" AS ").Append(Q(CustomerColumnName(c, shape)));
        sql.Append(" FROM (").Append(f).Append(") AS feat");
        if (shape.Interactions is not null)
            sql.Append(" LEFT JOIN (").Append(ContactFeatureQuery.Interactions(d, shape.Interactions, asOf, shape.UnitCosts ?? new Dictionary<string, decimal>()))
               .Append(") AS ix ON ix.customer_id = feat.customer_id");
        if (shape.Surveys is not null)
            sql.Append(" LEFT JOIN (").Append(ContactFeatureQuery.Surveys(d, shape.Surveys, asOf)).Append(") AS sv ON sv.customer_id = feat.customer_id");
        if (shape.HasProduct)
            sql.Append(" LEFT JOIN (SELECT customer_id, count(DISTINCT product_id) AS distinct_products FROM ")
               .Append(transactions).Append(" WHERE order_date <= ").Append(asOfSql)
               .Append(" GROUP BY customer_id) AS prod ON prod.customer_id = feat.customer_id");
        if (customers is not null && shape.CustomerAttributes.Count > 0)
            sql.Append(" LEFT JOIN ").Append(customers).Append(" AS cust ON cust.customer_id = feat.customer_id");
        return sql.ToString();
    }

    /// <summary>A customer-file column that clashes with a transaction attribute or a feature name gets a <c>customer_</c> prefix.</summary>
    public static string CustomerColumnName(string column, Shape shape) =>
        shape.TransactionAttributes.Contains(column, StringComparer.Ordinal) || Core.Schemes.Rules.FeatureSchema.TypeOfKnownFeature(column) is not null
            ? "customer_" + column
            : column;
}
