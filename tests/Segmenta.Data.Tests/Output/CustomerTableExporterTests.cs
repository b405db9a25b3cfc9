using System.Text;
using DuckDB.NET.Data;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Output;

namespace Segmenta.Data.Tests.Output;

public class CustomerTableExporterTests
{
    private static DuckDBConnection Table(int rows)
    {
        var connection = DuckDbStore.Open(":memory:");
        using var cmd = connection.CreateCommand();
        // Ids in reverse order of insertion, one formula-like id, and a text column with a comma.
        cmd.CommandText = $"CREATE TABLE segs AS SELECT printf('C%06d', {rows} - i) AS customer_id, i * 1.5 AS value, " +
                          "CASE WHEN i = 3 THEN '=1+1' ELSE 'a,b' END AS label FROM range(" + rows + ") t(i)";
        cmd.ExecuteNonQuery();
        return connection;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public void WriteCsv_AnyOrder_BomHeaderAndTheSameRows(bool? sorted)
    {
        using var dir = new TempDir();
        using var connection = Table(5000);
        var path = dir.File("customers.csv");

        CustomerTableExporter.WriteCsv(connection, "segs", path, sorted);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'c'], bytes[..4]);
        var lines = File.ReadAllLines(path, Encoding.UTF8);   // the reader drops the BOM
        Assert.Equal("customer_id,value,label", lines[0]);
        var body = lines[1..];
        Assert.Equal(5000, body.Length);
        Assert.Equal(5000, body.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("C004997,4.5,'=1+1", body);
        Assert.Contains("C005000,0.0,\"a,b\"", body);
        if (sorted != false) Assert.Equal(body.Order(StringComparer.Ordinal), body);   // null sorts small tables
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
    }

    [Fact]
    public void WriteCsv_Unsorted_RestoresInsertionOrderSetting()
    {
        using var dir = new TempDir();
        using var connection = Table(10);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SET preserve_insertion_order = true";
        cmd.ExecuteNonQuery();

        CustomerTableExporter.WriteCsv(connection, "segs", dir.File("c.csv"), sorted: false);

        cmd.CommandText = "SELECT current_setting('preserve_insertion_order')";
        Assert.Equal(true, cmd.ExecuteScalar());
    }
}
