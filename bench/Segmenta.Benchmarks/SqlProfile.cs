using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Segmenta.Benchmarks;

/// <summary>
/// Times SQL statements one by one on a DuckDB database: <c>Segmenta.Benchmarks sql DB FILE.sql</c> (statements end
/// with a line holding only <c>;</c>). Used to profile the steps of a run on the store a <c>segment --db</c> left.
/// </summary>
internal static class SqlProfile
{
    public static int Run(string database, string file)
    {
        using var connection = new DuckDBConnection("Data Source=" + database);
        connection.Open();
        var statements = File.ReadAllText(file).Split("\n;\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var sql in statements)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            var first = reader.Read() && reader.FieldCount > 0 ? Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) : "";
            while (reader.Read()) { }
            var head = sql.ReplaceLineEndings(" ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:F3} s wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,7:F3} s CPU  {(head.Length > 110 ? head[..110] : head)}  -> {first}"));
        }
        return 0;
    }
}
