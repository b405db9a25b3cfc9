using System.Globalization;

namespace Segmenta.Tests.Shared;

/// <summary>
/// The PostgreSQL server and 2-shard ClickHouse cluster that <c>scripts/test.sh</c> starts on loopback, found through
/// <c>SEGMENTA_TEST_PG</c> / <c>SEGMENTA_TEST_CH</c>. A test that needs one fails (never skips) when it is missing.
/// Each test works in its own schema / database, dropped afterwards, so test classes can run in parallel.
/// </summary>
internal static class TestServers
{
    public const string PostgresVariable = "SEGMENTA_TEST_PG";
    public const string ClickHouseVariable = "SEGMENTA_TEST_CH";

    /// <summary>The <c>postgres://</c> address of the test server.</summary>
    public static string Postgres => Required(PostgresVariable, "PostgreSQL");

    /// <summary>The <c>clickhouse://h1:p1,h2:p2</c> address of the test cluster.</summary>
    public static string ClickHouse => Required(ClickHouseVariable, "ClickHouse cluster");

    /// <summary>A fresh name for a schema or database.</summary>
    public static string UniqueName() => "seg_t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The test server's address with Segmenta's tables in schema <paramref name="schema"/>.</summary>
    public static string PostgresIn(string schema) => Postgres + (Postgres.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + schema;

    /// <summary>The test cluster's address with Segmenta's tables in database <paramref name="database"/>.</summary>
    public static string ClickHouseIn(string database) => ClickHouse.TrimEnd('/') + "/" + database;

    /// <summary>The HTTP base addresses of the cluster's nodes.</summary>
    public static IReadOnlyList<Uri> ClickHouseNodes =>
        [.. ClickHouse["clickhouse://".Length..].Split('/')[0].Split(',').Select(h => new Uri("http://" + h + "/"))];

    /// <summary>Drops a test database on every ClickHouse node.</summary>
    public static async Task DropClickHouseDatabaseAsync(string database)
    {
        using var http = new HttpClient();
        foreach (var node in ClickHouseNodes)
        {
            using var content = new StringContent($"DROP DATABASE IF EXISTS {database}");
            using var response = await http.PostAsync(node, content);
        }
    }

    /// <summary>The repository root (the folder holding Segmenta.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Segmenta.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Segmenta.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Required(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{what} server not started: run scripts/test.sh (it installs and starts PostgreSQL and a 2-shard ClickHouse cluster on loopback and sets {variable}). These tests never skip."));
        }
        return value!;
    }
}
