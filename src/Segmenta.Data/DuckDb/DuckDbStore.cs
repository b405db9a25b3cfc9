using DuckDB.NET.Data;

namespace Segmenta.Data.DuckDb;

/// <summary>Opens the embedded DuckDB store: a single <c>.duckdb</c> file (default <c>./segmenta.duckdb</c>) or memory.</summary>
public static class DuckDbStore
{
    /// <summary>The default store file, in the working directory.</summary>
    public const string DefaultPath = "segmenta.duckdb";

    /// <summary>Memory DuckDB may use before it spills to disk; keeps a 10M-row run under the 3 GiB goal.</summary>
    public const string DefaultMemoryLimit = "2GB";

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>; <c>:memory:</c> opens an in-memory store.</summary>
    public static DuckDBConnection Open(string path, string memoryLimit = DefaultMemoryLimit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        var connection = new DuckDBConnection("Data Source=" + path);
        connection.Open();
        using var cmd = connection.CreateCommand();
        // The value comes from our own option, not from a file: validate its shape anyway.
        if (!System.Text.RegularExpressions.Regex.IsMatch(memoryLimit, "^[0-9]+(\\.[0-9]+)?\\s*[KMGT]?i?B$"))
            throw new ArgumentException($"Memory limit \"{memoryLimit}\" should look like 2GB or 512MB.", nameof(memoryLimit));
        cmd.CommandText = $"SET memory_limit = '{memoryLimit}'";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
