using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>
/// Stages a CSV file with DuckDB's <c>read_csv</c> (parallel, all columns VARCHAR, <c>store_rejects</c> for rows that
/// cannot be split). Files that are not UTF-8 (GBK/GB18030, UTF-16) are first transcoded, streaming, to a UTF-8 temp file.
/// </summary>
internal static class CsvStager
{
    public static StagedSource Stage(DuckDBConnection connection, string path, string? encoding, string source, CancellationToken cancellationToken)
    {
        var staged = new StagedSource(connection) { Format = "csv" };
        try
        {
            var (chosen, name, isUtf8) = TextEncodings.Choose(path, encoding, source);
            staged.EncodingName = name;
            var utf8Path = path;
            if (!isUtf8)
            {
                (utf8Path, var replaced) = TextEncodings.TranscodeToUtf8(path, chosen, cancellationToken);
                staged.TempFiles.Add(utf8Path);
                if (replaced > 0)
                {
                    staged.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{source}: {replaced} byte sequence(s) are not valid {name} and were read as U+FFFD (�); check --encoding."));
                }
            }

            var (headers, delimiter) = CsvHeader.Read(utf8Path, source);
            staged.Headers = headers;
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Load(connection, staged, utf8Path, headers.Count, delimiter, source, cancellationToken);
            }
            catch (DuckDBException) when (!cancellationToken.IsCancellationRequested && LineEndings.AreMixed(utf8Path))
            {
                // Mixed CRLF/LF stops DuckDB's strict reader: read a copy with LF only (see LineEndings).
                utf8Path = LineEndings.CopyWithLf(utf8Path, cancellationToken);
                staged.TempFiles.Add(utf8Path);
                staged.Warnings.Add($"{source}: lines end in both CRLF and LF; read as if all ended in LF. / 文件混用了 CRLF 与 LF 换行，已统一按 LF 读取。");
                LoadOrRefuse(connection, staged, utf8Path, headers.Count, delimiter, source, cancellationToken);
            }
            catch (DuckDBException e) when (!cancellationToken.IsCancellationRequested && !IsOutOfMemory(e))
            {
                throw Unreadable(source, e);
            }

            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    private static void LoadOrRefuse(DuckDBConnection connection, StagedSource staged, string utf8Path, int columnCount, char delimiter, string source, CancellationToken cancellationToken)
    {
        try
        {
            Load(connection, staged, utf8Path, columnCount, delimiter, source, cancellationToken);
        }
        catch (DuckDBException e) when (!cancellationToken.IsCancellationRequested && !IsOutOfMemory(e))
        {
            throw Unreadable(source, e);
        }
    }

    /// <summary>Running out of memory says nothing about the file: that error is left as it is.</summary>
    private static bool IsOutOfMemory(DuckDBException e) => e.Message.StartsWith("Out of Memory", StringComparison.Ordinal);

    /// <summary>A file DuckDB's CSV reader gives up on (its rows could not even be split to be rejected one by one).</summary>
    private static SegmentaInputException Unreadable(string source, DuckDBException e)
    {
        var first = e.Message.ReplaceLineEndings("\n").Split("\n")[0];
        return new SegmentaInputException(
            $"{source}: the file could not be read as CSV ({first}). Check its quotes and line endings, or save it again from Excel as \"CSV UTF-8\". " +
            $"/ 无法按 CSV 读取该文件，请检查引号与换行，或在 Excel 中另存为“CSV UTF-8”。", e);
    }

    private static void Load(DuckDBConnection connection, StagedSource staged, string utf8Path, int columnCount, char delimiter, string source, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var stage = $"_segmenta_stage_{id}";
        var rejects = $"_segmenta_rejects_{id}";
        var scans = $"_segmenta_scans_{id}";
        staged.DropTables.AddRange([$"temp.main.{stage}", $"temp.main.{rejects}", $"temp.main.{scans}"]);

        var columns = string.Join(", ", Enumerable.Range(0, columnCount).Select(i => $"'{Db.Col(i)}': 'VARCHAR'"));
        var delim = delimiter == '\t' ? "\\t" : delimiter.ToString();
        Db.ExecuteCancellable(connection,
            $"CREATE TEMP TABLE {stage} AS SELECT * FROM read_csv({HeaderText.Literal(utf8Path)}, auto_detect = false, header = false, " +
            $"delim = '{delim}', quote = '\"', escape = '\"', columns = {{{columns}}}, " +
            $"store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scans}')", cancellationToken);
        CheckHeaderRow(connection, stage, staged.Headers, source);

        var structural = $"SELECT line AS src_row, any_value(csv_line) AS raw_value, " +
                         $"arg_min(error_type || ': ' || error_message, column_idx) AS reason FROM temp.main.{rejects} WHERE line > 1 GROUP BY line";
        var structuralCount = Db.Long(connection, $"SELECT count(DISTINCT line) FROM temp.main.{rejects}");
        staged.StructuralRejectsSql = structuralCount > 0 ? structural : null;

        var blanks = Utf8Scan.MayHaveBlankLine(utf8Path) ? BlankRecordScanner.Scan(utf8Path, cancellationToken) : [];
        staged.BlankLines = blanks.Count;
        var select = string.Join(", ", Enumerable.Range(0, columnCount).Select(i => "s." + Db.Col(i)));
        if (structuralCount == 0 && blanks.Count == 0)
        {
            staged.RelationSql = $"SELECT s.rowid + 1 AS src_row, {select} FROM temp.main.{stage} s WHERE s.rowid > 0";
            return;
        }

        // Records missing from the staging table (rejected or blank) shift the row numbers of the ones after them.
        // Gap j (0-based, sorted by line) has a_j = line_j - 1 - j staged records before it; staged record k comes
        // after it when a_j <= k, so its line is k + 1 + (number of such gaps), found with one ASOF join.
        var gaps = $"_segmenta_gaps_{id}";
        var blankLines = $"_segmenta_blanks_{id}";
        staged.DropTables.AddRange([$"temp.main.{gaps}", $"temp.main.{blankLines}"]);
        Db.Execute(connection, $"CREATE TEMP TABLE {blankLines} (line BIGINT)");
        using (var appender = connection.CreateAppender("temp", "main", blankLines))
        {
            foreach (var line in blanks)
            {
                appender.CreateRow().AppendValue(line).EndRow();
            }
        }

        Db.Execute(connection,
            $"CREATE TEMP TABLE {gaps} AS SELECT a, max(n) AS n FROM (" +
            $"SELECT line - row_number() OVER (ORDER BY line) AS a, row_number() OVER (ORDER BY line) AS n FROM (" +
            $"SELECT DISTINCT line FROM (SELECT line FROM temp.main.{rejects} UNION ALL SELECT line FROM temp.main.{blankLines}))) GROUP BY a");
        staged.RelationSql =
            $"SELECT s.rowid + 1 + coalesce(g.n, 0) AS src_row, {select} FROM temp.main.{stage} s " +
            $"ASOF LEFT JOIN temp.main.{gaps} g ON s.rowid >= g.a WHERE s.rowid > 0";
    }

    private static void CheckHeaderRow(DuckDBConnection connection, string stage, IReadOnlyList<string> headers, string source)
    {
        var rows = Db.Rows(connection, $"SELECT * FROM temp.main.{stage} WHERE rowid = 0");
        var ok = rows.Count == 1 && Enumerable.Range(0, headers.Count).All(i => ((rows[0][i] as string) ?? "") == headers[i]);
        if (!ok)
        {
            throw new SegmentaInputException(
                $"{source}: the header line could not be read as {headers.Count} columns (unbalanced quote or wrong encoding?). " +
                "Check the first line of the file, or give --encoding.");
        }
    }
}
