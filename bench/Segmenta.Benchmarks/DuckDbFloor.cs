using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Segmenta.Benchmarks;

/// <summary>
/// The least a DuckDB-only SQL implementation of <c>segmenta segment</c> costs on a file store: a typed read with reject
/// detection, the accepted rows stored, the exact-duplicate count, the per-customer features the issue asks for, RFM
/// quintile scores and a COPY of the customer table to CSV. No parsing fallbacks, rejects file, schemes or snapshot.
/// Run as <c>Segmenta.Benchmarks duckdb-floor FILE</c>; prints each statement's seconds (wall) and the total.
/// Same settings as the CLI: a <c>.duckdb</c> file, memory limit 2 GB, DuckDB's default threads (the core count).
/// </summary>
internal static class DuckDbFloor
{
    private const string AsOf = "DATE '2025-01-01'";

    public static int Run(string file)
    {
        var dir = Directory.CreateTempSubdirectory("segmenta-floor-");
        try
        {
            var total = Stopwatch.StartNew();
            using (var connection = new DuckDBConnection("Data Source=" + Path.Combine(dir.FullName, "floor.duckdb")))
            {
                connection.Open();
                foreach (var (name, sql) in Statements(file, Path.Combine(dir.FullName, "customers.csv")))
                {
                    var clock = Stopwatch.StartNew();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    using var cmd = connection.CreateCommand();
                    cmd.CommandText = sql;
                    var result = cmd.ExecuteScalar();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:F3} s wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,7:F3} s CPU  {name}{(result is null or DBNull ? "" : " → " + Convert.ToString(result, CultureInfo.InvariantCulture))}"));
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total.Elapsed.TotalSeconds,7:F3} s wall {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,7:F3} s CPU  total (process)"));
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IEnumerable<(string Name, string Sql)> Statements(string file, string csv)
    {
        var source = file.Replace("'", "''", StringComparison.Ordinal);
        yield return ("settings", "SET memory_limit = '2GB'; SET preserve_insertion_order = false");
        yield return ("typed read with rejects (temp table)", $"""
            CREATE TEMP TABLE typed AS SELECT * FROM read_csv('{source}', header = true, auto_detect = false,
              columns = {"{"}'customer_id': 'VARCHAR', 'order_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DECIMAL(18,4)', 'product_id': 'VARCHAR'{"}"},
              store_rejects = true)
            """);
        yield return ("rejected rows", "SELECT count(*) FROM reject_errors");
        yield return ("store accepted rows (file)", """
            CREATE TABLE transactions AS SELECT customer_id, order_date, amount, order_id, product_id FROM typed
            WHERE customer_id IS NOT NULL AND order_date IS NOT NULL AND amount IS NOT NULL
            """);
        yield return ("exact duplicates", "SELECT count(*) - count(DISTINCT hash(customer_id, order_date, amount, order_id, product_id)) FROM typed");
        yield return ("features (from the temp table)", $"""
            CREATE TABLE customer_features AS
            -- Distinct order ids per day without count(DISTINCT) or any aggregate over the ids: a day with at most
            -- one id has that many (its orders are its rows); only days with two or more ids are counted from their
            -- rows (segmenta's FeatureQuery.DaysByIdRange).
            WITH days0 AS MATERIALIZED (
              SELECT customer_id, order_date, sum(amount) AS day_amount, count(*) AS day_rows, count(order_id) AS day_ids
              FROM typed WHERE order_date <= {AsOf} GROUP BY customer_id, order_date),
            open_counts AS (
              SELECT customer_id, order_date, count(DISTINCT order_id) AS n FROM typed
              WHERE (customer_id, order_date) IN (SELECT customer_id, order_date FROM days0 WHERE day_ids > 1)
              GROUP BY customer_id, order_date),
            days AS (
              SELECT customer_id, order_date, day_amount, coalesce(n + day_rows - day_ids, day_rows) AS day_orders
              FROM days0 LEFT JOIN open_counts USING (customer_id, order_date)),
            per_customer AS (
              SELECT customer_id, min(order_date) AS first_purchase, max(order_date) AS last_purchase,
                sum(day_orders) AS orders, count(*) AS purchase_days, count(*) - 1 AS frequency,
                date_diff('day', max(order_date), {AsOf}) AS recency_days, date_diff('day', min(order_date), {AsOf}) AS tenure_days,
                sum(day_amount) AS monetary_total, CAST(sum(day_amount) AS DOUBLE) / sum(day_orders) AS monetary_mean,
                CASE WHEN count(*) > 1 THEN CAST(sum(day_amount) - arg_min(day_amount, order_date) AS DOUBLE) / (count(*) - 1) END AS repeat_monetary_mean,
                CASE WHEN count(*) > 1 THEN date_diff('day', min(order_date), max(order_date)) / (count(*) - 1) END AS mean_gap_days
              FROM days GROUP BY customer_id),
            products AS (SELECT customer_id, count(DISTINCT product_id) AS distinct_products FROM typed WHERE order_date <= {AsOf} GROUP BY customer_id)
            SELECT * FROM per_customer JOIN products USING (customer_id)
            """);
        yield return ("quintile cut points", """
            CREATE TEMP TABLE cuts AS SELECT quantile_cont(recency_days, [0.2, 0.4, 0.6, 0.8]) AS r,
              quantile_cont(orders, [0.2, 0.4, 0.6, 0.8]) AS f, quantile_cont(monetary_total, [0.2, 0.4, 0.6, 0.8]) AS m FROM customer_features
            """);
        // Scores computed inside the COPY: nothing but the features is stored per customer.
        yield return ("COPY features + scores to CSV", $"""
            COPY (SELECT f.*,
              CASE WHEN recency_days >= r[4] THEN 1 WHEN recency_days >= r[3] THEN 2 WHEN recency_days >= r[2] THEN 3 WHEN recency_days >= r[1] THEN 4 ELSE 5 END AS rfm_r,
              CASE WHEN orders <= f[1] THEN 1 WHEN orders <= f[2] THEN 2 WHEN orders <= f[3] THEN 3 WHEN orders <= f[4] THEN 4 ELSE 5 END AS rfm_f,
              CASE WHEN monetary_total <= m[1] THEN 1 WHEN monetary_total <= m[2] THEN 2 WHEN monetary_total <= m[3] THEN 3 WHEN monetary_total <= m[4] THEN 4 ELSE 5 END AS rfm_m
            FROM customer_features AS f, cuts) TO '{csv.Replace("'", "''", StringComparison.Ordinal)}' (HEADER)
            """);
        yield return ("customers", "SELECT count(*) FROM customer_features");
    }
}
