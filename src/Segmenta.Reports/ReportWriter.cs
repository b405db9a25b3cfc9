using System.Text;
using Segmenta.Core;
using Segmenta.Core.Reporting;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Output;
using Segmenta.Data.Reporting;
using Segmenta.Reports.Charts;
using Segmenta.Reports.Excel;
using Segmenta.Reports.Html;

namespace Segmenta.Reports;

/// <summary>What a report output path asks for.</summary>
public enum ReportFormat
{
    /// <summary>A <c>.html</c> file: the self-contained report.</summary>
    Html,
    /// <summary>A <c>.xlsx</c> file: the workbook.</summary>
    Xlsx,
    /// <summary>Anything else is a folder: PNG and SVG chart files.</summary>
    Charts,
}

/// <summary>The one entry point the CLI and the server call to write a report of a store's last run.</summary>
public static class ReportWriter
{
    /// <summary>The format an output path asks for: <c>.html</c>/<c>.htm</c>, <c>.xlsx</c>, else a chart folder.</summary>
    public static ReportFormat FormatFor(string outPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        return Path.GetExtension(outPath).ToLowerInvariant() switch
        {
            ".html" or ".htm" => ReportFormat.Html,
            ".xlsx" => ReportFormat.Xlsx,
            _ => ReportFormat.Charts,
        };
    }

    /// <summary>Opens the store, builds the report data and writes <paramref name="outPath"/>; returns the files written.</summary>
    /// <exception cref="SegmentaInputException">The store does not exist or holds no segment run.</exception>
    public static IReadOnlyList<string> WriteFromStore(string database, string outPath, string language, ReportBuildOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (database != ":memory:" && !File.Exists(database))
            throw new SegmentaInputException($"{database}: no such store. Run `segmenta segment --input FILE --db {database}` first, or pass --db with the store of an earlier run.");
        using var connection = DuckDbStore.Open(database);
        return Write(ReportDataBuilder.Build(connection, options), outPath, language);
    }

    /// <summary>Writes <paramref name="data"/> in the format <paramref name="outPath"/> asks for; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ReportData data, string outPath, string language)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        switch (FormatFor(outPath))
        {
            case ReportFormat.Html:
                if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
                var html = HtmlReport.Render(data, language);
                AtomicFile.Write(outPath, temp => File.WriteAllText(temp, html, new UTF8Encoding(false)));
                return [outPath];
            case ReportFormat.Xlsx:
                if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
                WorkbookWriter.Write(data, outPath, language);
                return [outPath];
            default:
                return ChartFiles.Write(data, outPath, language);
        }
    }
}
