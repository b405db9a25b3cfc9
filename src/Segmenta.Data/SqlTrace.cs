using System.Diagnostics;
using System.Globalization;

namespace Segmenta.Data;

/// <summary>
/// A diagnostic for performance work: with the environment variable <c>SEGMENTA_SQL_TRACE=1</c>, every DuckDB statement the
/// importer and the DuckDB engine run is timed and written to standard error as <c>SQLTRACE seconds statement</c> (one line
/// each). Off by default; costs nothing when off. See docs/performance.md.
/// </summary>
internal static class SqlTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("SEGMENTA_SQL_TRACE") == "1";

    /// <summary>Runs <paramref name="run"/>, timing it when the trace is on.</summary>
    public static T Time<T>(string sql, Func<T> run)
    {
        if (!On)
        {
            return run();
        }

        var watch = Stopwatch.StartNew();
        var result = run();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLTRACE {watch.Elapsed.TotalSeconds:F3} {sql.ReplaceLineEndings(" ")}"));
        return result;
    }
}
