using System.Text;
using Segmenta.Core.Customers;

namespace Segmenta.Data.Sql;

/// <summary>
/// The per-customer feature query, written once and emitted per dialect. Two aggregation levels: first per
/// (customer, purchase day) — the BTYD convention counts purchase days, and the first day's spend is needed to
/// average the repeat purchases — then per customer. Every engine runs the same shape; on a sharded engine it runs
/// on each shard's own rows (customers never span shards).
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

    /// <summary>
    /// The shape every engine derives the same way: the probe's counts (<see cref="EngineSql.Probe"/>: rows with an order
    /// id, a product, a cost), the transactions and customers tables' columns, and the contact tables when imported.
    /// </summary>
    internal static Shape ShapeOf(
        bool hasOrderId, bool hasProduct, bool hasCost, IReadOnlyCollection<string> transactionColumns, IEnumerable<string> customerColumns,
        string? interactions, string? surveys, IReadOnlyDictionary<string, decimal> unitCosts) => new(
            hasOrderId,
            hasProduct,
            hasCost,
            TransactionAttributes: [.. transactionColumns.Where(DuckDb.DuckDbEngine.IsTransactionAttribute)],
            CustomerAttributes: [.. customerColumns.Where(c => c != FeatureNames.CustomerId)],
            HasDiscount: transactionColumns.Contains("discount"),
            Interactions: interactions,
            Surveys: surveys,
            UnitCosts: unitCosts);

    /// <summary>The feature columns in table order (for engines that need the list, e.g. to create a table first).</summary>
    public static IReadOnlyList<string> Columns(Shape shape)
    {
        List<string> columns =
        [
            FeatureNames.CustomerId, FeatureNames.FirstPurchase, FeatureNames.LastPurchase, FeatureNames.Orders,
            FeatureNames.PurchaseDays, FeatureNames.Frequency, FeatureNames.RecencyDays, FeatureNames.TenureDays,
            FeatureNames.FirstToLastDays, FeatureNames.MonetaryTotal, FeatureNames.MonetaryMean, FeatureNames.RepeatMonetaryMean,
            FeatureNames.MeanGapDays, FeatureNames.Margin,
        ];
        if (shape.HasDiscount) columns.Add(FeatureNames.DiscountShare);
        columns.AddRange(shape.TransactionAttributes);
        columns.Add(FeatureNames.DistinctProducts);
        if (shape.Interactions is not null) columns.AddRange(FeatureNames.InteractionFeatures);
        if (shape.Surveys is not null) columns.AddRange(FeatureNames.SurveyFeatures);
        columns.AddRange(shape.CustomerAttributes.Select(c => CustomerColumnName(c, shape)));
        return columns;
    }

    public static string Build(SqlDialect d, Shape shape, DateOnly asOf, string transactions, string? customers)
    {
        var asOfSql = d.DateLiteral(asOf);
        string Q(string name) => d.QuoteIdentifier(name);
        var orders = shape.HasOrderId
            ? d.CountDistinct("order_id") + " + " + d.CountIf("order_id IS NULL")
            : d.CountRows();

        var day = new StringBuilder();
        day.Append("SELECT customer_id, order_date, sum(amount) AS day_amount, ")
           .Append(orders).Append(" AS day_orders");
        if (shape.HasCost) day.Append(", sum(cost) AS day_cost");
        // Orders with a discount: distinct discounted order ids plus discounted rows without an id (as orders count).
        if (shape.HasDiscount)
            day.Append(", ").Append(shape.HasOrderId
                ? d.CountDistinct("CASE WHEN discount > 0 THEN order_id END") + " + " + d.CountIf("order_id IS NULL AND discount > 0")
                : d.CountIf("discount > 0")).Append(" AS day_discounted");
        foreach (var a in shape.TransactionAttributes) day.Append(", ").Append(d.MaxText(Q(a))).Append(" AS ").Append(Q(a));
        day.Append(" FROM ").Append(transactions).Append(" WHERE order_date <= ").Append(asOfSql)
           .Append(" GROUP BY customer_id, order_date");
        if (d.HasMaterializedCte && shape.HasOrderId && !shape.HasDiscount)
        {
            day.Clear().Append(DaysByIdRange(d, shape, asOfSql, transactions));
        }

        var first = "min(order_date)";
        var last = "max(order_date)";
        var days = d.CountRows();
        var f = new StringBuilder();
        f.Append("SELECT customer_id, ")
         .Append(first).Append(" AS ").Append(FeatureNames.FirstPurchase).Append(", ")
         .Append(last).Append(" AS ").Append(FeatureNames.LastPurchase).Append(", ")
         .Append(d.Cast("sum(day_orders)", SqlType.BigInt)).Append(" AS ").Append(FeatureNames.Orders).Append(", ")
         .Append(days).Append(" AS ").Append(FeatureNames.PurchaseDays).Append(", ")
         .Append(days).Append(" - 1 AS ").Append(FeatureNames.Frequency).Append(", ")
         .Append(d.DaysBetween(last, asOfSql)).Append(" AS ").Append(FeatureNames.RecencyDays).Append(", ")
         .Append(d.DaysBetween(first, asOfSql)).Append(" AS ").Append(FeatureNames.TenureDays).Append(", ")
         .Append(d.DaysBetween(first, last)).Append(" AS ").Append(FeatureNames.FirstToLastDays).Append(", ")
         // Totals stay exact decimals; means are doubles (the correctly rounded quotient of the exact sum).
         .Append(d.Cast("sum(day_amount)", SqlType.Money)).Append(" AS ").Append(FeatureNames.MonetaryTotal).Append(", ")
         .Append(d.Divide("sum(day_amount)", d.Cast("sum(day_orders)", SqlType.BigInt))).Append(" AS ").Append(FeatureNames.MonetaryMean).Append(", ")
         // Gamma-Gamma input: mean spend per repeat purchase day (Fader, Hardie & Lee 2005, "RFM and CLV").
         .Append("CASE WHEN ").Append(days).Append(" > 1 THEN ")
         .Append(d.Divide("sum(day_amount) - " + d.ArgMin("day_amount", "order_date"), days + " - 1"))
         .Append(" END AS ").Append(FeatureNames.RepeatMonetaryMean).Append(", ")
         .Append("CASE WHEN ").Append(days).Append(" > 1 THEN ")
         .Append(d.Divide(d.DaysBetween(first, last), days + " - 1"))
         .Append(" END AS ").Append(FeatureNames.MeanGapDays);
        f.Append(", ").Append(shape.HasCost ? d.Cast("sum(day_amount) - sum(day_cost)", SqlType.Money) : d.NullOf(SqlType.Money))
         .Append(" AS ").Append(FeatureNames.Margin);
        if (shape.HasDiscount)
            f.Append(", ").Append(d.Divide("sum(day_discounted)", "sum(day_orders)")).Append(" AS ").Append(FeatureNames.DiscountShare);
        foreach (var a in shape.TransactionAttributes)
            f.Append(", ").Append(d.ArgMax(Q(a), "order_date")).Append(" AS ").Append(Q(a));
        f.Append(" FROM (").Append(day).Append(") AS days GROUP BY customer_id");

        // One join per SELECT (ClickHouse 18 allows no more), always USING (customer_id) with explicit column lists so
        // the key appears once; every right side's columns have names of their own (prod, ix_*, sv_*, customer_*).
        var sql = f.ToString();
        // The columns of the customer-level query: everything before distinct_products.
        var columns = Columns(shape).TakeWhile(c => c != FeatureNames.DistinctProducts).ToList();
        void Join(string right, string alias, IReadOnlyList<string> rightColumns)
        {
            sql = $"SELECT {string.Join(", ", columns.Concat(rightColumns).Select(Q))} FROM ({sql}) AS l{alias} {d.LeftJoin} ({right}) AS {alias} USING (customer_id)";
            columns.AddRange(rightColumns);
        }

        if (shape.HasProduct)
        {
            Join($"SELECT customer_id, {d.CountDistinct("product_id")} AS {FeatureNames.DistinctProducts} FROM {transactions} " +
                 $"WHERE order_date <= {asOfSql} GROUP BY customer_id", "prod", [FeatureNames.DistinctProducts]);
        }
        else
        {
            sql = $"SELECT {string.Join(", ", columns.Select(Q))}, {d.NullOf(SqlType.BigInt)} AS {FeatureNames.DistinctProducts} FROM ({sql}) AS feat";
            columns.Add(FeatureNames.DistinctProducts);
        }
        if (shape.Interactions is not null)
            Join(ContactFeatureQuery.Interactions(d, shape.Interactions, asOf, shape.UnitCosts ?? new Dictionary<string, decimal>()), "ix", ContactFeatureQuery.InteractionAggregates);
        if (shape.Surveys is not null)
            Join(ContactFeatureQuery.Surveys(d, shape.Surveys, asOf), "sv", ContactFeatureQuery.SurveyAggregates);
        if (customers is not null && shape.CustomerAttributes.Count > 0)
        {
            var names = shape.CustomerAttributes.Select(c => CustomerColumnName(c, shape)).ToList();
            Join("SELECT customer_id, " + string.Join(", ", shape.CustomerAttributes.Select((c, i) => Q(c) + " AS " + Q(names[i]))) + " FROM " + customers, "cust", names);
        }

        // The outer SELECT names every feature in table order; contact and survey columns get their defaults here.
        var select = new List<string>();
        foreach (var name in Columns(shape))
        {
            select.Add(ContactFeatureQuery.OuterColumn(d, name) is { } expr ? expr + " AS " + Q(name) : Q(name));
        }
        return $"SELECT {string.Join(", ", select)} FROM ({sql}) AS features";
    }

    /// <summary>
    /// The per-day query with the same columns and values as the generic one, without a distinct count per group and
    /// without any aggregate over the order ids: a day with at most one id has exactly that many distinct ids, so its
    /// orders are its rows. Only the days with two or more ids (≈ 1 % of the days of the standard synthetic sets: most
    /// days are one row) are counted exactly, from their own rows. <c>count(DISTINCT order_id)</c> over every
    /// (customer, day) group was the most expensive part of the feature query, and the smallest and largest id per day
    /// that replaced it still cost ≈ 40 % of the day-level aggregate (text aggregates; bench/README.md, issue 2).
    /// </summary>
    private static string DaysByIdRange(SqlDialect d, Shape shape, string asOfSql, string transactions)
    {
        string Q(string name) => d.QuoteIdentifier(name);
        var carried = new List<string> { "day_amount" };
        if (shape.HasCost) carried.Add("day_cost");
        carried.AddRange(shape.TransactionAttributes.Select(Q));
        var rest = string.Join(", ", carried);
        var b = new StringBuilder();
        b.Append("WITH days0 AS MATERIALIZED (SELECT customer_id, order_date, sum(amount) AS day_amount");
        if (shape.HasCost) b.Append(", sum(cost) AS day_cost");
        foreach (var a in shape.TransactionAttributes) b.Append(", ").Append(d.MaxText(Q(a))).Append(" AS ").Append(Q(a));
        b.Append(", count(*) AS day_rows, count(order_id) AS day_ids FROM ").Append(transactions)
         .Append(" WHERE order_date <= ").Append(asOfSql).Append(" GROUP BY customer_id, order_date), ")
         .Append("open_days AS MATERIALIZED (SELECT * FROM days0 WHERE day_ids > 1), ")
         .Append("open_counts AS (SELECT customer_id, order_date, count(DISTINCT order_id) AS day_distinct FROM ").Append(transactions)
         .Append(" WHERE order_date <= ").Append(asOfSql).Append(" AND (customer_id, order_date) IN (SELECT customer_id, order_date FROM open_days)")
         .Append(" GROUP BY customer_id, order_date) ")
         // Orders = distinct ids + rows without an id, as in the generic query (≤ 1 id: that id's row + the rest = rows).
         .Append("SELECT customer_id, order_date, ").Append(rest)
         .Append(", day_rows AS day_orders FROM days0 WHERE day_ids <= 1 ")
         .Append("UNION ALL SELECT customer_id, order_date, ").Append(rest)
         .Append(", day_distinct + day_rows - day_ids AS day_orders FROM open_days JOIN open_counts USING (customer_id, order_date)");
        return b.ToString();
    }

    /// <summary>A customer-file column that clashes with a transaction attribute or a feature name gets a <c>customer_</c> prefix.</summary>
    public static string CustomerColumnName(string column, Shape shape) =>
        shape.TransactionAttributes.Contains(column, StringComparer.Ordinal) || Core.Schemes.Rules.FeatureSchema.TypeOfKnownFeature(column) is not null
            ? "customer_" + column
            : column;
}
