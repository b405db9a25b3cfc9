using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Recommendations;

/// <summary>The heavy counting of product preference and recommendations, as DuckDB SQL over the imported transactions.</summary>
internal sealed class ProductQueries(DuckDbEngine engine)
{
    public const string ProductsTable = "products";
    private const string Tx = DuckDbEngine.TransactionsTable;

    /// <summary>Fails with a clear message when the transactions carry no product.</summary>
    public void RequireProducts(string source)
    {
        var columns = engine.TableColumns(Tx);
        long withProduct = 0;
        if (columns.Contains("product_id"))
        {
            using var r = engine.Query($"SELECT count(product_id) FROM {Tx}");
            r.Read();
            withProduct = r.GetInt64(0);
        }
        if (withProduct == 0)
            throw new SegmentaInputException(
                $"{source}: no product_id column (or every product is empty), so there is nothing to recommend. Recommendations need a product per order line: add a column product_id / sku / 商品编码, or map one with --map product=HEADER. (The CDNOW data have no products.) / 交易数据没有商品列，无法推荐：请提供 product_id（或用 --map product=列名 指定）。");
    }

    /// <summary>Loads the product attributes file into <see cref="ProductsTable"/> (product_id, category).</summary>
    public void LoadProducts(string path)
    {
        if (!File.Exists(path)) throw new SegmentaInputException($"{path}: file not found (--products). / 找不到商品文件。");
        var literal = "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
        try
        {
            engine.Execute($"CREATE OR REPLACE TEMP TABLE products_raw AS SELECT * FROM read_csv({literal}, header = true, all_varchar = true)");
        }
        catch (DuckDBException ex)
        {
            throw new SegmentaInputException($"{path}: cannot be read as a UTF-8 CSV with a header row ({ex.Message.ReplaceLineEndings(" ")}). Save it as CSV UTF-8. / 商品文件须为带表头的 UTF-8 CSV。", ex);
        }
        var columns = engine.TableColumns("products_raw");
        string? Find(params string[] names) => columns.FirstOrDefault(c => names.Any(n => string.Equals(c.Trim(), n, StringComparison.OrdinalIgnoreCase)));
        var product = Find("product_id", "product", "sku", "商品编码", "商品ID");
        var category = Find("category", "product_category", "family", "品类", "类别", "商品类别");
        if (product is null || category is null)
            throw new SegmentaInputException($"{path}: needs the columns product_id and category (found: {string.Join(", ", columns)}). Rename the headers. / 商品文件需要 product_id 和 category 两列。");
        engine.Execute($"""
            CREATE OR REPLACE TEMP TABLE {ProductsTable} AS
            SELECT trim("{product.Replace("\"", "\"\"", StringComparison.Ordinal)}") AS product_id, any_value(trim("{category.Replace("\"", "\"\"", StringComparison.Ordinal)}")) AS category
            FROM products_raw WHERE "{product.Replace("\"", "\"\"", StringComparison.Ordinal)}" IS NOT NULL GROUP BY 1
            """);
        engine.Execute("DROP TABLE products_raw");
    }

    /// <summary>
    /// The SQL expression of a transaction's category (alias <c>t</c> for transactions, <c>p</c> for products) and its
    /// source name: the products file; else the transactions' category column; else the product id up to its first
    /// '-', '_' or '/' (e.g. SOLV-0012 → SOLV), or the whole id when it has none.
    /// </summary>
    public (string Sql, string Source) CategoryExpression(bool productsLoaded)
    {
        const string prefix = "CASE WHEN regexp_matches(t.product_id, '[-_/]') THEN regexp_extract(t.product_id, '^([^-_/]*)', 1) ELSE t.product_id END";
        if (productsLoaded) return ($"coalesce(p.category, {prefix})", "products_file");
        if (engine.TableColumns(Tx).Contains("category")) return ($"coalesce(CAST(t.category AS VARCHAR), {prefix})", "category_column");
        return (prefix, "product_id_prefix");
    }

    /// <summary>(segment, product, order lines) up to <paramref name="asOf"/>, joining the segment table's column.</summary>
    public List<Core.Recommendations.SegmentItemCount> SegmentItemCounts(string segmentColumn, DateOnly asOf)
    {
        var list = new List<Core.Recommendations.SegmentItemCount>();
        using var r = engine.Query($"""
            SELECT coalesce(CAST(s."{segmentColumn}" AS VARCHAR), ''), t.product_id, count(*)
            FROM {Tx} t JOIN {DuckDbEngine.SegmentsTable} s ON s.customer_id = t.customer_id
            WHERE t.order_date <= {Date(asOf)} AND t.product_id IS NOT NULL GROUP BY 1, 2
            """);
        while (r.Read()) list.Add(new(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        return list;
    }

    /// <summary>Every customer's segment.</summary>
    public Dictionary<string, string> Segments(string segmentColumn)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = engine.Query($"SELECT customer_id, coalesce(CAST(\"{segmentColumn}\" AS VARCHAR), '') FROM {DuckDbEngine.SegmentsTable}");
        while (r.Read()) map[r.GetString(0)] = r.GetString(1);
        return map;
    }

    /// <summary>Distinct products per customer in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public Dictionary<string, HashSet<string>> Bought(DateOnly? after, DateOnly through)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var from = after is { } a ? $" AND order_date > {Date(a)}" : "";
        using var r = engine.Query($"SELECT DISTINCT customer_id, product_id FROM {Tx} WHERE product_id IS NOT NULL AND order_date <= {Date(through)}{from}");
        while (r.Read())
        {
            var customer = r.GetString(0);
            if (!map.TryGetValue(customer, out var set)) map[customer] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(r.GetString(1));
        }
        return map;
    }

    /// <summary>Co-occurrence: pairs (x &lt; y) bought by at least <paramref name="minBoth"/> common customers, buyers per product, customers.</summary>
    public (List<(string X, string Y, long Both)> Pairs, Dictionary<string, long> Buyers, long Customers) CoOccurrence(DateOnly asOf, int minBoth)
    {
        engine.Execute($"CREATE OR REPLACE TEMP TABLE customer_products AS SELECT DISTINCT customer_id, product_id FROM {Tx} WHERE product_id IS NOT NULL AND order_date <= {Date(asOf)}");
        var pairs = new List<(string, string, long)>();
        using (var r = engine.Query($"""
            SELECT a.product_id, b.product_id, count(*) FROM customer_products a JOIN customer_products b
              ON a.customer_id = b.customer_id AND a.product_id < b.product_id
            GROUP BY 1, 2 HAVING count(*) >= {minBoth.ToString(CultureInfo.InvariantCulture)}
            """))
        {
            while (r.Read()) pairs.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }
        var buyers = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var r = engine.Query("SELECT product_id, count(*) FROM customer_products GROUP BY 1"))
        {
            while (r.Read()) buyers[r.GetString(0)] = r.GetInt64(1);
        }
        long customers;
        using (var r = engine.Query("SELECT count(DISTINCT customer_id) FROM customer_products"))
        {
            r.Read();
            customers = r.GetInt64(0);
        }
        engine.Execute("DROP TABLE customer_products");
        return (pairs, buyers, customers);
    }

    /// <summary>(customer, category, order lines) up to <paramref name="asOf"/>.</summary>
    public List<(string Customer, string Category, long Purchases)> CategoryCounts(string categorySql, bool productsLoaded, DateOnly asOf)
    {
        var join = productsLoaded ? $" LEFT JOIN {ProductsTable} p ON p.product_id = t.product_id" : "";
        var list = new List<(string, string, long)>();
        using var r = engine.Query($"SELECT t.customer_id, {categorySql}, count(*) FROM {Tx} t{join} WHERE t.product_id IS NOT NULL AND t.order_date <= {Date(asOf)} GROUP BY 1, 2");
        while (r.Read()) list.Add((r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1), r.GetInt64(2)));
        return list;
    }

    /// <summary>Category per product (for the output files).</summary>
    public Dictionary<string, string> ProductCategories(string categorySql, bool productsLoaded)
    {
        var join = productsLoaded ? $" LEFT JOIN {ProductsTable} p ON p.product_id = t.product_id" : "";
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = engine.Query($"SELECT t.product_id, any_value({categorySql}) FROM {Tx} t{join} WHERE t.product_id IS NOT NULL GROUP BY 1");
        while (r.Read()) map[r.GetString(0)] = r.IsDBNull(1) ? "" : r.GetString(1);
        return map;
    }

    private static string Date(DateOnly d) => "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}
