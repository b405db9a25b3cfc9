using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Ingest;

namespace Segmenta.Data.Import;

/// <summary>
/// Turns a staged source into the target table: one parse query into a candidate table, counts by reason,
/// the reject threshold, the rejects file, then an atomic swap of the candidate into the target name.
/// </summary>
internal static class TableLoader
{
    public static LoadReport Load(
        DuckDBConnection connection, StagedSource staged, ColumnPlan plan, ImportOptions options, string source, CancellationToken cancellationToken)
    {
        plan = WithNumberColumns(connection, staged, plan);
        var query = new ParseQuery(plan, options, staged.Headers.Count);
        var candidate = HeaderText.Quote($"_segmenta_load_{Guid.NewGuid():N}");
        try
        {
            Db.ExecuteCancellable(connection, $"CREATE TABLE {candidate} AS {query.Sql(staged.RelationSql)}", cancellationToken);
            return Complete(connection, candidate, query, staged, plan, options, source, FinishInPlace);
        }
        finally
        {
            Db.Execute(connection, $"DROP TABLE IF EXISTS {candidate}");
        }
    }

    /// <summary>
    /// The typed fast path (<see cref="TypedCsvFastPath"/>): the staged relation already has the columns of
    /// <paramref name="typed"/> cast. Returns null, leaving nothing behind, when any row fails a check; the caller then
    /// runs the full parse so that every rejected row gets its reason and raw value.
    /// </summary>
    /// <remarks>
    /// One pass writes the rows that pass every check to the store; the check itself is the row count (every staged row
    /// written = none failed), so no separate scan is needed. Returns and the exact duplicates are then counted on the
    /// written table, whose columns are already clean, instead of recomputing the text clean-up over the staged rows.
    /// </remarks>
    public static LoadReport? LoadTyped(
        DuckDBConnection connection, StagedSource staged, ColumnPlan plan, ImportOptions options, IReadOnlyDictionary<string, string> typed,
        string source, CancellationToken cancellationToken)
    {
        var query = new ParseQuery(plan, options, staged.Headers.Count);
        var read = Db.Long(connection, $"SELECT count(*) FROM ({staged.RelationSql})");
        if (read == 0)
        {
            return null;
        }

        var columns = string.Join(", ", query.OutputColumns.Prepend("src_row").Select(HeaderText.Quote));
        var rows = $"SELECT {columns} FROM ({query.TypedSql(staged.RelationSql, typed)}) WHERE _reason IS NULL";
        var written = HeaderText.Quote($"_segmenta_new_{Guid.NewGuid():N}");
        try
        {
            // The empty table first, so the NOT NULL constraints cost no scan; the insert checks them as it writes.
            Db.Execute(connection, $"CREATE TABLE {written} AS {rows} LIMIT 0");
            foreach (var column in new[] { "customer_id", "order_date", "amount" })
            {
                Db.Execute(connection, $"ALTER TABLE {written} ALTER COLUMN {column} SET NOT NULL");
            }

            Db.ExecuteCancellable(connection, $"INSERT INTO {written} {rows}", cancellationToken);
            var accepted = Db.Long(connection, $"SELECT count(*) FROM {written}");
            if (accepted != read)
            {
                return null;
            }

            var returns = Db.Long(connection, $"SELECT count(*) FILTER (WHERE amount < 0) FROM {written}");
            var duplicates = Duplicates(connection, written, $"hash({string.Join(", ", query.HashedColumns.Select(HeaderText.Quote))})", query);
            Swap(connection, written, options);
            return new LoadReport(
                source, read, accepted, 0, new Dictionary<string, long>(StringComparer.Ordinal), duplicates, returns,
                plan.Mapped.ToDictionary(m => m.Role.Name, m => m.Header), staged.EncodingName, null)
            {
                AttributeColumns = [.. ColumnRoles.Attributes.Where(r => plan.For(r) is not null).Select(r => r.Column)],
                IgnoredColumns = plan.Ignored,
                BlankRows = staged.BlankLines,
                RowsExcludedByPolicy = 0,
                Table = options.TableName,
                Format = staged.Format,
                Warnings = staged.Warnings,
            };
        }
        finally
        {
            Db.Execute(connection, $"DROP TABLE IF EXISTS {written}");
        }
    }

    private static LoadReport Complete(
        DuckDBConnection connection, string candidate, ParseQuery query, StagedSource staged, ColumnPlan plan, ImportOptions options, string source,
        Action<DuckDBConnection, string, ParseQuery, ImportOptions> finish)
    {
        var counts = Count(connection, candidate, staged, options.Kind);
        if (counts.Read == 0)
        {
            throw new SegmentaInputException(
                $"{source}: no data rows (the file has only a header{(counts.Blank > 0 ? " and empty rows" : "")}). Export the data rows too.");
        }

        var rejectsSql = RejectsSql(candidate, query, staged, options.DecimalSeparator, options.Kind);
        var errorRejects = counts.Rejected - counts.ExcludedByPolicy;
        var rate = (double)errorRejects / counts.Read;
        string? rejectsFile = null;
        if (counts.Rejected > 0 && options.RejectsPath is not null)
        {
            RejectsFile.Write(connection, rejectsSql, options.RejectsPath);
            rejectsFile = options.RejectsPath;
        }

        if (rate > options.MaxRejectRate)
        {
            throw TooManyRejects(connection, rejectsSql, counts, errorRejects, rate, options, source, rejectsFile);
        }

        var duplicates = Duplicates(connection, candidate, query);
        finish(connection, candidate, query, options);
        var accepted = Db.Long(connection, $"SELECT count(*) FROM {HeaderText.Quote(options.TableName)}");
        if (accepted != counts.Read - counts.Rejected)
        {
            throw new InvalidOperationException(
                $"Row accounting broken for {source}: read {counts.Read}, rejected {counts.Rejected}, but {accepted} rows were loaded.");
        }

        List<string> attributes = options.Kind switch
        {
            ImportKind.Transactions => [.. ColumnRoles.Attributes.Where(r => plan.For(r) is not null).Select(r => r.Column)],
            ImportKind.Customers => [.. ColumnRoles.Attributes.Select(r => r.Column), .. plan.Extras.Select(e => e.Column)],
            _ => [],
        };
        return new LoadReport(
            source, counts.Read, accepted, counts.Rejected, counts.ByReason, duplicates, counts.Returns,
            plan.Mapped.ToDictionary(m => m.Role.Name, m => m.Header), staged.EncodingName, rejectsFile)
        {
            AttributeColumns = attributes,
            IgnoredColumns = plan.Ignored,
            BlankRows = counts.Blank,
            RowsExcludedByPolicy = counts.ExcludedByPolicy,
            Table = options.TableName,
            Format = staged.Format,
            Warnings = staged.Warnings,
        };
    }

    private sealed record Counts(long Read, long Rejected, long Blank, long Returns, long ExcludedByPolicy, Dictionary<string, long> ByReason);

    private static Counts Count(DuckDBConnection connection, string candidate, StagedSource staged, ImportKind kind)
    {
        var negative = kind == ImportKind.Transactions ? "count(*) FILTER (WHERE amount < 0)" : "0";
        var byReason = new Dictionary<string, long>(StringComparer.Ordinal);
        long read = 0, rejected = 0, blank = 0, returns = 0;
        var rows = Db.Rows(connection, $"SELECT _reason, count(*), {negative} FROM {candidate} GROUP BY _reason");
        foreach (var row in rows)
        {
            var reason = row[0] as string;
            var n = Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
            if (reason == RowCheck.Blank)
            {
                blank += n;
                continue;
            }

            read += n;
            if (reason is null || reason == RejectReason.ReturnExcluded)
            {
                returns += Convert.ToInt64(row[2], CultureInfo.InvariantCulture);
            }

            if (reason is not null)
            {
                rejected += n;
                byReason[reason] = n;
            }
        }

        if (staged.StructuralRejectsSql is not null)
        {
            var malformed = Db.Long(connection, $"SELECT count(*) FROM ({staged.StructuralRejectsSql})");
            read += malformed;
            rejected += malformed;
            byReason[RejectReason.MalformedRow] = malformed;
        }

        var excluded = byReason.GetValueOrDefault(RejectReason.ReturnExcluded) + byReason.GetValueOrDefault(RejectReason.TotalsRow);
        return new Counts(read, rejected, blank + staged.BlankLines, returns, excluded, byReason);
    }

    private static string RejectsSql(string candidate, ParseQuery query, StagedSource staged, char decimalSeparator, ImportKind kind)
    {
        var rows = $"SELECT src_row, {query.ColumnSql()} AS \"column\", _raw AS raw_value, _reason AS reason_code, {ReasonText.Sql(decimalSeparator, kind)} AS reason " +
                   $"FROM {candidate} WHERE _reason IS NOT NULL AND _reason <> '{RowCheck.Blank}'";
        if (staged.StructuralRejectsSql is not null)
        {
            rows += $" UNION ALL SELECT src_row, CAST(NULL AS VARCHAR), raw_value, '{RejectReason.MalformedRow}', reason FROM ({staged.StructuralRejectsSql})";
        }

        return $"SELECT * FROM ({rows}) ORDER BY src_row";
    }

    private static long Duplicates(DuckDBConnection connection, string candidate, ParseQuery query) =>
        Duplicates(connection, $"(SELECT * FROM {candidate} WHERE _reason IS NULL)", "_hash", query);

    /// <summary>Exact duplicate rows (every output column equal) among the rows of <paramref name="relation"/>, whose row hash is <paramref name="hash"/>.</summary>
    private static long Duplicates(DuckDBConnection connection, string relation, string hash, ParseQuery query)
    {
        if (Db.Long(connection, $"SELECT count(*) - count(DISTINCT {hash}) FROM {relation}") == 0)
        {
            return 0;
        }

        // Equal hashes are only candidates: count exact duplicates among the rows that share a hash.
        var columns = string.Join(", ", query.OutputColumns.Select(HeaderText.Quote));
        var shared = $"FROM {relation} WHERE {hash} IN (SELECT {hash} FROM {relation} GROUP BY {hash} HAVING count(*) > 1)";
        return Db.Long(connection, $"SELECT (SELECT count(*) {shared}) - (SELECT count(*) FROM (SELECT DISTINCT {columns} {shared}))");
    }

    /// <summary>The full parse's candidate is a table in the store: delete the rejected rows and the helper columns, then swap it in.</summary>
    private static void FinishInPlace(DuckDBConnection connection, string candidate, ParseQuery query, ImportOptions options)
    {
        Db.Execute(connection, $"DELETE FROM {candidate} WHERE _reason IS NOT NULL");
        foreach (var helper in new[] { "_reason", "_raw", "_hash" })
        {
            Db.Execute(connection, $"ALTER TABLE {candidate} DROP COLUMN {helper}");
        }

        string[] required = options.Kind switch
        {
            ImportKind.Transactions => ["order_date", "amount"],
            ImportKind.Interactions => ["interaction_date", "type"],
            ImportKind.Surveys => ["survey_date"],
            _ => [],
        };
        if (options.Kind == ImportKind.Customers)
        {
            Db.Execute(connection, $"ALTER TABLE {candidate} DROP COLUMN src_row");
        }

        foreach (var column in required)
        {
            Db.Execute(connection, $"ALTER TABLE {candidate} ALTER COLUMN {column} SET NOT NULL");
        }

        Db.Execute(connection, $"ALTER TABLE {candidate} ALTER COLUMN customer_id SET NOT NULL");
        Swap(connection, candidate, options);
    }

    private static void Swap(DuckDBConnection connection, string table, ImportOptions options)
    {
        var target = HeaderText.Quote(options.TableName);
        Db.Execute(connection, "BEGIN TRANSACTION");
        try
        {
            Db.Execute(connection, $"DROP TABLE IF EXISTS {target}");
            Db.Execute(connection, $"ALTER TABLE {table} RENAME TO {target}");
            Db.Execute(connection, "COMMIT");
        }
        catch
        {
            Db.Execute(connection, "ROLLBACK");
            throw;
        }
    }

    /// <summary>
    /// Marks the kept customer columns whose every non-empty value is a plain number (<see cref="ValueSql.PlainNumberPattern"/>),
    /// so they load as numbers and rules can compare them (<c>beds &gt;= 500</c>). A column with no value stays text.
    /// </summary>
    private static ColumnPlan WithNumberColumns(DuckDBConnection connection, StagedSource staged, ColumnPlan plan)
    {
        if (plan.Extras.Count == 0)
        {
            return plan;
        }

        var tests = string.Join(", ", plan.Extras.Select(e =>
            $"bool_and({ValueSql.IsBlankOrPlainNumber(Db.Col(e.Index))}) AND count(nullif(trim({Db.Col(e.Index)}), '')) > 0"));
        var row = Db.Rows(connection, $"SELECT {tests} FROM ({staged.RelationSql})")[0];
        return plan with { Extras = [.. plan.Extras.Select((e, i) => e with { IsNumber = row[i] is true })] };
    }

    private static SegmentaInputException TooManyRejects(
        DuckDBConnection connection, string rejectsSql, Counts counts, long errorRejects, double rate, ImportOptions options, string source, string? rejectsFile)
    {
        var top = counts.ByReason.Where(kv => kv.Key is not (RejectReason.ReturnExcluded or RejectReason.TotalsRow)).MaxBy(kv => kv.Value);
        var example = Db.Rows(connection, $"SELECT src_row, \"column\", raw_value, reason FROM ({rejectsSql}) WHERE reason_code = {HeaderText.Literal(top.Key)} LIMIT 1");
        var where = "";
        if (example.Count == 1)
        {
            var e = example[0];
            var column = e[1] is string c ? $", column \"{c}\"" : "";
            var raw = e[2] is string r ? $": \"{Shorten(r)}\"" : "";
            where = string.Create(CultureInfo.InvariantCulture, $", e.g. row {e[0]}{column}{raw} ({e[3]})");
        }

        var file = rejectsFile is null ? "Give a rejects path (--rejects) to see every rejected row" : $"Rejected rows are in {rejectsFile}";
        var share = rate.ToString("P1", CultureInfo.InvariantCulture);
        var limit = options.MaxRejectRate.ToString("P1", CultureInfo.InvariantCulture);
        var n = errorRejects.ToString(CultureInfo.InvariantCulture);
        var total = counts.Read.ToString(CultureInfo.InvariantCulture);
        var topCount = top.Value.ToString(CultureInfo.InvariantCulture);
        return new SegmentaInputException(
            $"{source}: {n} of {total} rows rejected ({share}), above the limit of {limit}; " +
            $"most common reason {top.Key} ({topCount} rows){where}. {file}. Nothing was loaded: fix the file, map the right columns with --map, " +
            "or raise --max-reject-rate.");
    }

    private static string Shorten(string raw) => raw.Length <= 80 ? raw.ReplaceLineEndings("⏎") : raw[..77].ReplaceLineEndings("⏎") + "...";
}
