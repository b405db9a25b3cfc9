using DuckDB.NET.Data;
using Segmenta.Core.Ingest;

namespace Segmenta.Data.Import;

/// <summary>
/// The fast path for clean UTF-8 transaction CSVs: DuckDB's CSV reader casts the date column to DATE and the amount
/// column to DECIMAL(18,4) while it reads (in parallel), instead of staging every column as text and casting in a
/// second query. It applies only when the file needs nothing the full parse does: no cast failures (every date is
/// ISO <c>yyyy-MM-dd</c>, every amount a plain number), no malformed or blank lines, and every row passes the import
/// checks. Otherwise it returns null having changed nothing, and <see cref="Importer"/> runs the full parse, which
/// names each rejected row's reason, so row accounting and the rejects file are exactly those of the full parse.
/// </summary>
/// <remarks>
/// The typed cast is the one the full parse tries first (<see cref="ValueSql.Date"/> and <see cref="ValueSql.Amount"/>
/// start with <c>TRY_CAST</c> to DATE and DECIMAL(18,4)), so an accepted row gets the same values on both paths; the
/// tests compare the two paths table for table.
/// </remarks>
internal static class TypedCsvFastPath
{
    public static LoadReport? TryLoad(DuckDBConnection connection, string path, ImportOptions options, string source, CancellationToken cancellationToken)
    {
        if (options.Kind != ImportKind.Transactions || options.DecimalSeparator != '.')
        {
            return null;
        }

        var (_, encodingName, isUtf8) = TextEncodings.Choose(path, options.Encoding, source);
        if (!isUtf8 || Utf8Scan.MayHaveBlankLine(path))
        {
            return null;
        }

        var (headers, delimiter) = CsvHeader.Read(path, source);
        var plan = HeaderMatcher.Match(headers, options.Kind, options.ColumnMap, source);
        if (plan.For(ColumnRoles.Date) is not { } date || plan.For(ColumnRoles.Amount) is not { } amount || date.Index == amount.Index)
        {
            return null;
        }

        using var staged = new StagedSource(connection) { Format = "csv", EncodingName = encodingName, Headers = headers };
        var id = Guid.NewGuid().ToString("N");
        string typed = $"_segmenta_typed_{id}", rejects = $"_segmenta_rejects_{id}", scans = $"_segmenta_scans_{id}";
        staged.DropTables.AddRange([$"temp.main.{typed}", $"temp.main.{rejects}", $"temp.main.{scans}"]);
        string TypeOf(int i) => i == date.Index ? "DATE" : i == amount.Index ? "DECIMAL(18,4)" : "VARCHAR";
        var columns = string.Join(", ", Enumerable.Range(0, headers.Count).Select(i => $"'{Db.Col(i)}': '{TypeOf(i)}'"));
        var delim = delimiter == '\t' ? "\\t" : delimiter.ToString();
        try
        {
            Db.ExecuteCancellable(connection,
                $"CREATE TEMP TABLE {typed} AS SELECT * FROM read_csv({HeaderText.Literal(path)}, auto_detect = false, header = false, " +
                $"delim = '{delim}', quote = '\"', escape = '\"', columns = {{{columns}}}, " +
                $"store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scans}')", cancellationToken);
        }
        catch (DuckDBException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reliability (issue 10): a file DuckDB's reader gives up on (e.g. mixed CRLF/LF line endings) is not clean:
            // the full parse handles or refuses it with a clear message.
            return null;
        }

        // The header line must be the one and only reject, and only for failing the casts (its names are not dates).
        var bad = Db.Long(connection, $"SELECT count(*) FROM temp.main.{rejects} WHERE line <> 1 OR error_type <> 'CAST'");
        var header = Db.Long(connection, $"SELECT count(*) FROM temp.main.{rejects} WHERE line = 1");
        if (bad > 0 || header == 0)
        {
            return null;
        }

        staged.RelationSql = $"SELECT rowid + 2 AS src_row, * FROM temp.main.{typed}";
        var typedOutputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["order_date"] = Db.Col(date.Index),
            ["amount"] = Db.Col(amount.Index),
        };
        return TableLoader.LoadTyped(connection, staged, plan, options, typedOutputs, source, cancellationToken);
    }
}
