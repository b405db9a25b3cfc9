using DuckDB.NET.Data;
using Segmenta.Data.Import;

namespace Segmenta.Data.DuckDb;

public sealed partial class DuckDbEngine
{
    /// <summary>
    /// True when <c>customer_segments</c> is a view. A stored snapshot takes the run's table over without copying it
    /// (<c>ALTER TABLE customer_segments RENAME TO snapshot_&lt;id&gt;_customers</c>) and leaves a read-only view
    /// <c>customer_segments</c> over it, so readers see the last run unchanged.
    /// </summary>
    public static bool SegmentsIsView(DuckDBConnection connection) =>
        Db.Long(connection, $"SELECT count(*) FROM duckdb_views() WHERE view_name = '{SegmentsTable}' AND NOT internal AND schema_name = current_schema()") > 0;

    /// <summary>Drops the <c>customer_segments</c> view (if it is one) so a new run can create its own table under that name.</summary>
    public static void DropSegmentsView(DuckDBConnection connection)
    {
        if (SegmentsIsView(connection)) Db.Execute(connection, $"DROP VIEW {SegmentsTable}");
    }

    /// <summary>
    /// Makes <c>customer_segments</c> a table of its own again (a copy of the snapshot it shows) when it is a view, before
    /// something changes it in place or deletes the snapshot under it. Returns true when it copied.
    /// </summary>
    public static bool OwnSegmentsTable(DuckDBConnection connection)
    {
        if (!SegmentsIsView(connection)) return false;
        const string copy = SegmentsTable + "__own";
        Db.Execute(connection, $"CREATE OR REPLACE TABLE {copy} AS SELECT * FROM {SegmentsTable}");
        Db.Execute(connection, $"DROP VIEW {SegmentsTable}");
        Db.Execute(connection, $"ALTER TABLE {copy} RENAME TO {SegmentsTable}");
        return true;
    }

    /// <summary>The table the <c>customer_segments</c> view reads, or null when it is a table or missing.</summary>
    public static string? SegmentsViewSource(DuckDBConnection connection)
    {
        if (!SegmentsIsView(connection)) return null;
        var rows = Db.Rows(connection, $"SELECT sql FROM duckdb_views() WHERE view_name = '{SegmentsTable}' AND NOT internal AND schema_name = current_schema()");
        return rows.Count == 0 ? null : Convert.ToString(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
