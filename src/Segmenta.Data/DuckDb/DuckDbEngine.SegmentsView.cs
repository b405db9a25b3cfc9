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
    public static bool SegmentsIsView(DuckDBConnection connection) => IsView(connection, SegmentsTable);

    /// <summary>True when <paramref name="name"/> is a view of the current schema (not a table).</summary>
    public static bool IsView(DuckDBConnection connection, string name) =>
        Db.Long(connection, $"SELECT count(*) FROM duckdb_views() WHERE view_name = {Dialect.StringLiteral(name)} AND NOT internal AND schema_name = current_schema()") > 0;

    /// <summary>True when <paramref name="name"/> is a table of the current schema (not a view).</summary>
    public static bool IsTable(DuckDBConnection connection, string name) =>
        Db.Long(connection, $"SELECT count(*) FROM duckdb_tables() WHERE table_name = {Dialect.StringLiteral(name)} AND NOT internal AND schema_name = current_schema()") > 0;

    /// <summary>Drops the <c>customer_segments</c> view (if it is one) so a new run can create its own table under that name.</summary>
    public static void DropSegmentsView(DuckDBConnection connection)
    {
        if (SegmentsIsView(connection)) Db.Execute(connection, $"DROP VIEW {SegmentsTable}");
    }

    /// <summary>
    /// Drops the view a stored snapshot left under one of the run's names (<c>customer_features</c> or
    /// <c>customer_assignments</c>, over the snapshot's own table, see <c>SnapshotStore.Save</c>) so the run can create
    /// its table under that name; the snapshot's table is not touched. Each is dropped just before its table is written,
    /// so a command that rebuilds only the features (<c>fit</c>, <c>predict</c>) leaves <c>customer_segments</c> readable.
    /// </summary>
    public static void DropRunView(DuckDBConnection connection, string name)
    {
        if (IsView(connection, name)) Db.Execute(connection, $"DROP VIEW {name}");
    }

    /// <summary>
    /// Makes <c>customer_segments</c> a table of its own again (a copy of the snapshot it shows) when it is a view, before
    /// something changes it in place or deletes the snapshot under it. Returns true when it copied.
    /// </summary>
    public static bool OwnSegmentsTable(DuckDBConnection connection) => OwnTable(connection, SegmentsTable);

    /// <summary>
    /// Makes <paramref name="name"/> a table of its own (a copy of what the view shows) when it is a view, before something
    /// changes it in place or deletes the snapshot table under it. Returns true when it copied.
    /// </summary>
    public static bool OwnTable(DuckDBConnection connection, string name)
    {
        if (!IsView(connection, name)) return false;
        var copy = name + "__own";
        Db.Execute(connection, $"CREATE OR REPLACE TABLE {copy} AS SELECT * FROM {name}");
        Db.Execute(connection, $"DROP VIEW {name}");
        Db.Execute(connection, $"ALTER TABLE {copy} RENAME TO {name}");
        return true;
    }

    /// <summary>The table the <c>customer_segments</c> view reads, or null when it is a table or missing.</summary>
    public static string? SegmentsViewSource(DuckDBConnection connection) => ViewSource(connection, SegmentsTable);

    /// <summary>The SQL of the view <paramref name="name"/>, or null when it is a table or missing.</summary>
    public static string? ViewSource(DuckDBConnection connection, string name)
    {
        if (!IsView(connection, name)) return null;
        var rows = Db.Rows(connection, $"SELECT sql FROM duckdb_views() WHERE view_name = {Dialect.StringLiteral(name)} AND NOT internal AND schema_name = current_schema()");
        return rows.Count == 0 ? null : Convert.ToString(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
