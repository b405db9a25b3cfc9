using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Segmenta.Benchmarks;

/// <summary>
/// The yardstick of the end-to-end benchmark: DuckDB alone reading the same CSV and grouping by customer
/// (the least any tool must do). Run as <c>Segmenta.Benchmarks duckdb-baseline FILE</c>; prints seconds.
/// </summary>
internal static class DuckDbBaseline
{
    public static int Run(string file)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE per_customer AS SELECT customer_id, count(*) AS n, sum(amount) AS total, "
            + "min(order_date) AS first_date, max(order_date) AS last_date FROM read_csv('" + file.Replace("'", "''", StringComparison.Ordinal) + "') GROUP BY customer_id";
        cmd.ExecuteNonQuery();
        cmd.CommandText = "SELECT count(*) FROM per_customer";
        var customers = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:F3} s, {customers} customers"));
        return 0;
    }
}
