using System.Globalization;
using Segmenta.Core;
using Segmenta.Core.Clustering;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Analysis;

/// <summary>
/// Reads and extends the per-customer segment table of the last run (<c>customer_segments</c>): numeric feature
/// columns as a matrix, a segment column as labels, and new segment columns joined in by customer id.
/// Rows are always read ordered by customer id, so results do not depend on DuckDB's scan order.
/// </summary>
internal static class SegmentTable
{
    private static readonly SqlDialect Dialect = DuckDbDialect.Instance;

    /// <summary>Fails with a one-line fix when the store has no segment table yet.</summary>
    public static void Require(DuckDbEngine engine, string database)
    {
        if (!engine.TableExists(DuckDbEngine.SegmentsTable))
            throw new SegmentaInputException($"{database}: no segmented customers in this store. Run \"segmenta segment --input FILE --db {database}\" first, or pass --input FILE.");
    }

    /// <summary>The numeric columns of the table (any integer, decimal or floating type).</summary>
    public static IReadOnlyList<string> NumericColumns(DuckDbEngine engine, string table)
    {
        var columns = new List<string>();
        using var reader = engine.Query($"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {Dialect.StringLiteral(table)} ORDER BY ordinal_position");
        while (reader.Read())
        {
            var type = reader.GetString(1);
            if (type is "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "HUGEINT" or "UBIGINT" or "UINTEGER" or "DOUBLE" or "FLOAT" or "REAL"
                || type.StartsWith("DECIMAL", StringComparison.Ordinal))
                columns.Add(reader.GetString(0));
        }
        return columns;
    }

    /// <summary>Checks that every feature is a numeric column; the message names the available ones.</summary>
    public static void CheckFeatures(DuckDbEngine engine, IReadOnlyList<string> features, string option)
    {
        var numeric = NumericColumns(engine, DuckDbEngine.SegmentsTable);
        foreach (var feature in features)
        {
            if (!numeric.Contains(feature, StringComparer.Ordinal))
                throw new SegmentaInputException($"{option} {feature}: not a numeric customer feature. Use any of: {string.Join(", ", numeric)}.");
        }
    }

    /// <summary>Customer ids, the chosen columns as doubles (null → NaN) and optionally a text column (null → ""), ordered by customer id.</summary>
    public static (List<string> Ids, double[][] Columns, string[]? Labels) ReadColumns(DuckDbEngine engine, IReadOnlyList<string> features, string? labelColumn = null)
    {
        var select = string.Join(", ", features.Select(f => $"CAST({Dialect.QuoteIdentifier(f)} AS DOUBLE)"));
        var label = labelColumn is null ? "" : $", CAST({Dialect.QuoteIdentifier(labelColumn)} AS VARCHAR)";
        using var count = engine.Query($"SELECT count(*) FROM {DuckDbEngine.SegmentsTable}");
        count.Read();
        var n = checked((int)count.GetInt64(0));
        var ids = new List<string>(n);
        var columns = features.Select(_ => new double[n]).ToArray();
        var labels = labelColumn is null ? null : new string[n];
        using var reader = engine.Query($"SELECT customer_id, {select}{label} FROM {DuckDbEngine.SegmentsTable} ORDER BY customer_id");
        var row = 0;
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            for (var j = 0; j < columns.Length; j++) columns[j][row] = reader.IsDBNull(j + 1) ? double.NaN : reader.GetDouble(j + 1);
            if (labels is not null) labels[row] = reader.IsDBNull(features.Count + 1) ? "" : string.Intern(reader.GetString(features.Count + 1));
            row++;
        }
        return (ids, columns, labels);
    }

    /// <summary>The chosen columns as a feature matrix.</summary>
    public static (List<string> Ids, FeatureMatrix Matrix) ReadMatrix(DuckDbEngine engine, IReadOnlyList<string> features)
    {
        var (ids, columns, _) = ReadColumns(engine, features);
        return (ids, FeatureMatrix.FromColumns(features, columns));
    }

    /// <summary>
    /// Adds (or replaces) a segment column and its label column from a small code table: each customer gets a code
    /// 0 .. keys − 1 (appended as integers, cheaper than text for millions of rows), mapped to key and label in SQL.
    /// </summary>
    public static void WriteCodedColumns(DuckDbEngine engine, IReadOnlyList<string> ids, int[] codes, string column, IReadOnlyList<string> keys, IReadOnlyList<string> labels)
    {
        const string staging = "segment_codes_staging", map = "segment_codes_map";
        engine.Execute($"CREATE OR REPLACE TEMP TABLE {staging} (customer_id VARCHAR, code INTEGER)");
        using (var appender = engine.Connection.CreateAppender(staging))
        {
            for (var i = 0; i < ids.Count; i++) appender.CreateRow().AppendValue(ids[i]).AppendValue(codes[i]).EndRow();
        }
        engine.Execute($"CREATE OR REPLACE TEMP TABLE {map} (code INTEGER, key VARCHAR, label VARCHAR)");
        using (var appender = engine.Connection.CreateAppender(map))
        {
            for (var c = 0; c < keys.Count; c++) appender.CreateRow().AppendValue(c).AppendValue(keys[c]).AppendValue(labels[c]).EndRow();
        }
        var names = new[] { column, column + "_label" };
        // A DuckDB run leaves customer_segments as a view over the narrow assignments table: the columns go there.
        var view = engine.SegmentsIsView();
        var target = view ? DuckDbEngine.AssignmentsTable : DuckDbEngine.SegmentsTable;
        // After a snapshot the run's assignments are a view over the snapshot's own table, which must not change.
        DuckDbEngine.OwnTable(engine.Connection, target);
        var existing = engine.TableColumns(target);
        var replaced = names.Where(existing.Contains).Select(Dialect.QuoteIdentifier).ToList();
        var keep = replaced.Count == 0 ? "s.*" : $"s.* EXCLUDE ({string.Join(", ", replaced)})";
        engine.Execute($"CREATE OR REPLACE TABLE {target} AS SELECT {keep}, m.key AS {Dialect.QuoteIdentifier(names[0])}, m.label AS {Dialect.QuoteIdentifier(names[1])} FROM {target} AS s LEFT JOIN {staging} AS a ON a.customer_id = s.customer_id LEFT JOIN {map} AS m ON m.code = a.code");
        engine.Execute($"DROP TABLE {staging}");
        engine.Execute($"DROP TABLE {map}");
        if (view) engine.CreateSegmentsView();
    }

    /// <summary>Formats a double for messages and CSV cells (invariant, round-trip).</summary>
    public static string Cell(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
