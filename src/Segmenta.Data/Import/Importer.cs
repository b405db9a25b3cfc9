using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Ingest;

namespace Segmenta.Data.Import;

/// <summary>
/// Imports a transactions or customers file (CSV in UTF-8/UTF-16/GBK, XLSX, Parquet) into a DuckDB table,
/// mapping English or Chinese headers onto roles, validating every row and accounting for each one.
/// </summary>
public static class Importer
{
    /// <summary>
    /// Reads <see cref="ImportOptions.Path"/> and creates or replaces the table <see cref="ImportOptions.TableName"/>.
    /// Rows that fail validation go to <see cref="ImportOptions.RejectsPath"/>; when their share exceeds
    /// <see cref="ImportOptions.MaxRejectRate"/> the import fails and the table is left as it was.
    /// </summary>
    /// <param name="connection">An open DuckDB connection; the table is created in its current schema.</param>
    /// <param name="options">What to read and how.</param>
    /// <param name="cancellationToken">Cancels the import (the running DuckDB query is interrupted).</param>
    /// <returns>The accounting of the load: read = accepted + rejected.</returns>
    /// <exception cref="SegmentaInputException">The file is missing, empty, unreadable, lacks a required column, or has too many bad rows.</exception>
    public static LoadReport Import(DuckDBConnection connection, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TableName);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRejectRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxRejectRate, 1.0);
        if (options.DecimalSeparator is not ('.' or ','))
        {
            throw new SegmentaInputException(
                string.Create(CultureInfo.InvariantCulture, $"Decimal separator '{options.DecimalSeparator}' is not supported; use \".\" or \",\"."));
        }

        var path = Path.GetFullPath(options.Path);
        var source = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new SegmentaInputException($"{options.Path}: file not found. Check the path.");
        }

        if (IsEmpty(path))
        {
            throw new SegmentaInputException($"{source}: the file is empty. Export the data again, with a header row and data rows.");
        }

        using var order = new InsertionOrderScope(connection);
        var format = FileFormats.Detect(path);
        if (format == FileFormat.Csv && !options.FullParse && TypedCsvFastPath.TryLoad(connection, path, options, source, cancellationToken) is { } fast)
        {
            return fast;
        }

        using var staged = format switch
        {
            FileFormat.Excel => XlsxStager.Stage(connection, path, options.Sheet, source, cancellationToken),
            FileFormat.Parquet => ParquetStager.Stage(connection, path),
            _ => CsvStager.Stage(connection, path, options.Encoding, source, cancellationToken),
        };
        var plan = HeaderMatcher.Match(staged.Headers, options.Kind, options.ColumnMap, source);
        return TableLoader.Load(connection, staged, plan, options, source, cancellationToken);
    }

    private static bool IsEmpty(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > 3)
        {
            return false;
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length == 0 || bytes.AsSpan().SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }) ||
               bytes.AsSpan().SequenceEqual(new byte[] { 0xFF, 0xFE }) || bytes.AsSpan().SequenceEqual(new byte[] { 0xFE, 0xFF });
    }

    /// <summary>Row numbers come from insertion order, so it must be preserved while importing; restored afterwards.</summary>
    private sealed class InsertionOrderScope : IDisposable
    {
        private readonly DuckDBConnection _connection;
        private readonly bool _restore;

        public InsertionOrderScope(DuckDBConnection connection)
        {
            _connection = connection;
            _restore = Db.Rows(connection, "SELECT current_setting('preserve_insertion_order')")[0][0] is false;
            if (_restore)
            {
                Db.Execute(connection, "SET preserve_insertion_order = true");
            }
        }

        public void Dispose()
        {
            if (_restore)
            {
                Db.Execute(_connection, "SET preserve_insertion_order = false");
            }
        }
    }
}
