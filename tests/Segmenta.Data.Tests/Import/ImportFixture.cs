using DuckDB.NET.Data;
using Segmenta.Core.Ingest;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

/// <summary>An in-memory DuckDB, a scratch folder, and paths to the bad-input corpus.</summary>
public sealed class ImportFixture : IDisposable
{
    public ImportFixture()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Scratch = Path.Combine(Path.GetTempPath(), "segmenta-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Scratch);
    }

    public DuckDBConnection Connection { get; }

    public string Scratch { get; }

    public static string Bad(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "data", "bad")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "data", "bad", name);
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Scratch, name);
        File.WriteAllText(path, content);
        return path;
    }

    public LoadReport Import(string path, Func<ImportOptions, ImportOptions>? configure = null)
    {
        var options = new ImportOptions { Path = path, RejectsPath = Path.Combine(Scratch, Path.GetFileNameWithoutExtension(path) + ".rejects.csv") };
        var report = Importer.Import(Connection, configure is null ? options : configure(options));
        Assert.Equal(report.RowsRead, report.RowsAccepted + report.RowsRejected);
        Assert.Equal(report.RowsRejected, report.RejectedByReason.Values.Sum());
        return report;
    }

    public List<object?[]> Query(string sql) => Segmenta.Data.Import.Db.Rows(Connection, sql);

    public static List<string[]> ReadRejects(LoadReport report) =>
        [.. File.ReadAllLines(report.RejectsFile!).Skip(1).Select(l => l.Split(','))];

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(Scratch, recursive: true);
    }
}
