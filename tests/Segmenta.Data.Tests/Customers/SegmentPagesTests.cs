using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Data.Customers;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Tests.Customers;

/// <summary>
/// The page tables answer "customers of segment S, sorted by id" exactly like the plain query (a scan with ORDER BY
/// customer_id, LIMIT/OFFSET): same totals, same rows in the same order, every column equal.
/// </summary>
public sealed class SegmentPagesTests : IDisposable
{
    private readonly DuckDBConnection _c = DuckDbStore.Open(":memory:");

    public void Dispose() => _c.Dispose();

    /// <summary>
    /// 260,000 customers (three row groups) in random physical order; ids with leading zeros, mixed case and CJK so
    /// the order is DuckDB's, not .NET's; a text segment with nulls and a skewed small segment; an integer segment.
    /// </summary>
    private void Seed(bool withNullId = false)
    {
        Exec("""
            CREATE TABLE customer_segments AS
            SELECT (CASE i % 4 WHEN 0 THEN 'C' WHEN 1 THEN 'c' WHEN 2 THEN '客户' ELSE '0' END) || lpad(CAST(hash(i) % 1000000 AS VARCHAR), 7, '0') || '-' || CAST(i AS VARCHAR) AS customer_id,
                   CASE WHEN i % 97 = 0 THEN NULL WHEN i % 1000 = 1 THEN 'tiny' ELSE ['champions', 'loyal', 'at_risk', 'lost'][1 + CAST(hash(i * 7) % 4 AS INTEGER)] END AS rfm_segment,
                   1 + CAST(hash(i * 13) % 5 AS INTEGER) AS value_bin,
                   round(CAST(hash(i * 31) % 100000 AS DOUBLE) / 7, 2) AS monetary_total,
                   CAST(hash(i * 3) % 400 AS INTEGER) AS recency_days
            FROM range(260000) r(i) ORDER BY hash(i + 1)
            """);
        if (withNullId) Exec("INSERT INTO customer_segments VALUES (NULL, 'loyal', 2, 1.5, 3)");
    }

    [Fact]
    public void Pages_EqualThePlainQuery_ForEverySegmentPageAndOrder()
    {
        Seed();
        var pages = SegmentPages.Build(_c, "t1", ["rfm_segment", "value_bin", "no_such_column"]);
        Assert.Equal(["rfm_segment", "value_bin"], pages.Columns.Order(StringComparer.Ordinal));
        var checkedPages = 0;
        foreach (var (column, segment) in new[] { ("rfm_segment", "champions"), ("rfm_segment", "lost"), ("rfm_segment", "tiny"), ("rfm_segment", "nope"), ("value_bin", "3"), ("value_bin", "5") })
        {
            var total = Count(column, segment);
            foreach (var size in new[] { 1, 50, 500 })
            {
                var last = (int)Math.Max(1, (total + size - 1) / size);
                foreach (var page in new[] { 1, 2, 7, last / 2 + 1, last, last + 1 }.Distinct())
                {
                    foreach (var desc in new[] { false, true })
                    {
                        var query = new CustomerQuery { SegmentFilters = [new(column, segment)], Page = page, PageSize = size, Descending = desc };
                        Assert.True(pages.TryRead(_c, column, segment, desc, page, size, out var fast));
                        var plain = query.Run(_c);
                        Assert.Equal(total, plain.Total);
                        AssertSame(plain, fast!);
                        AssertSame(plain, query.Run(_c, null, pages));
                        checkedPages++;
                    }
                }
            }
        }
        Assert.True(checkedPages > 150);
    }

    [Fact]
    public void QueriesTheTablesCannotServe_RunThePlainQuery_WithTheSameAnswer()
    {
        Seed(withNullId: true);
        var pages = SegmentPages.Build(_c, "t2", ["rfm_segment"]);
        Assert.True(pages.HasNullIds);
        // Descending with a null id: NULLS LAST in both directions is not the reverse of ascending, so not served.
        Assert.False(pages.TryRead(_c, "rfm_segment", "loyal", true, 1, 50, out _));
        var total = new CustomerQuery { SegmentFilters = [new("rfm_segment", "loyal")] }.Run(_c).Total;
        var ascending = new CustomerQuery { SegmentFilters = [new("rfm_segment", "loyal")], Page = (int)((total + 49) / 50), PageSize = 50 };
        var lastAsc = ascending.Run(_c, null, pages);
        Assert.Null(lastAsc.Rows[^1]["customer_id"]); // the null id sorts last, as in the plain query
        AssertSame(ascending.Run(_c), lastAsc);
        foreach (var q in new[]
        {
            ascending with { Descending = true, Page = 1 },
            ascending with { Sort = "monetary_total", Descending = true, Page = 3 },
            ascending with { Ranges = [("recency_days", 0, 30)], Page = 2 },
            ascending with { IdPrefix = "客户", Page = 1 },
            ascending with { SegmentFilters = [new("rfm_segment", "loyal"), new("value_bin", "2")], Page = 1 },
            ascending with { SegmentFilters = [new("recency_days", "7")], Page = 1 },
        })
        {
            AssertSame(q.Run(_c), q.Run(_c, null, pages));
        }
    }

    [Fact]
    public void DroppedTables_FallBackToThePlainQuery()
    {
        Seed();
        var old = SegmentPages.Build(_c, "old", ["rfm_segment"]);
        var fresh = SegmentPages.Build(_c, "new", ["rfm_segment"]);
        SegmentPages.DropAll(_c, keepTag: "new");
        Assert.False(old.TryRead(_c, "rfm_segment", "lost", false, 1, 50, out _));
        Assert.True(fresh.TryRead(_c, "rfm_segment", "lost", false, 1, 50, out _));
        var query = new CustomerQuery { SegmentFilters = [new("rfm_segment", "lost")], Page = 3 };
        AssertSame(query.Run(_c), query.Run(_c, null, old));
        SegmentPages.DropAll(_c);
        Assert.Equal(0L, Convert.ToInt64(Scalar($"SELECT count(*) FROM information_schema.tables WHERE starts_with(table_name, '{SegmentPages.TablePrefix}')"), CultureInfo.InvariantCulture));
    }

    private static void AssertSame(CustomerPage expected, CustomerPage actual)
    {
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Page, actual.Page);
        Assert.Equal(expected.PageSize, actual.PageSize);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            Assert.Equal(expected.Rows[i].Keys, actual.Rows[i].Keys); // same columns in the same order
            foreach (var (k, v) in expected.Rows[i]) Assert.Equal(v, actual.Rows[i][k]);
        }
    }

    private long Count(string column, string segment)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM customer_segments WHERE CAST(\"{column}\" AS VARCHAR) = ?";
        cmd.Parameters.Add(new DuckDBParameter(segment));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Exec(string sql)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
