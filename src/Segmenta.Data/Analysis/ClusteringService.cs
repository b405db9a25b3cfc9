using System.Diagnostics;
using System.Globalization;
using System.Text;
using Segmenta.Core;
using Segmenta.Core.Clustering;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Output;
using Segmenta.Data.Runs;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Analysis;

/// <summary>
/// The "cluster customers" application service (CLI <c>segmenta cluster</c> and the server call this): optionally import
/// and segment, read the chosen features of every customer, fit k-means (<see cref="KMeansScheme"/>), and store the
/// cluster as a segment column of <c>customer_segments</c> (with its label column and catalogue entry) so every
/// later command sees it like any other scheme.
/// </summary>
public static class ClusteringService
{
    /// <summary>Output file names.</summary>
    public const string ClustersCsv = "clusters.csv", ProfilesCsv = "cluster_profiles.csv", KScoresCsv = "cluster_k.csv", ClustersJson = "clusters.json";

    /// <summary>Runs the clustering. Bad input (unknown feature, no segmented customers, too few customers) throws <see cref="SegmentaInputException"/>.</summary>
    public static async Task<ClusteringRun> RunAsync(ClusteringRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        void Lap(string step)
        {
            seconds[step] = Math.Round(clock.Elapsed.TotalSeconds, 3);
            clock.Restart();
        }

        var database = request.Database;
        string? temporary = null;
        var outDir = request.OutputDirectory;
        if (outDir is not null) Directory.CreateDirectory(outDir);
        try
        {
            SegmentationRun? segmentation = null;
            if (request.Segmentation is { } seg)
            {
                if (database == ":memory:")
                {
                    // The segmentation runner closes its store; a temporary file carries the data across.
                    temporary = Path.Combine(Path.GetTempPath(), $"segmenta-cluster-{Guid.NewGuid():N}.duckdb");
                    database = temporary;
                }
                progress?.Report("segment");
                segmentation = await SegmentationRunner.RunAsync(seg with
                {
                    Database = database,
                    OutputDirectory = null,
                    Transactions = seg.Transactions is { } transactions
                        ? transactions with { RejectsPath = transactions.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, SegmentationRunner.RejectsCsv)) }
                        : null,
                }, null, cancellationToken).ConfigureAwait(false);
                Lap("segment");
            }

            using var connection = DuckDbStore.Open(database);
            var engine = new DuckDbEngine(connection);
            SegmentTable.Require(engine, request.Database);
            var features = request.Settings.Features;
            SegmentTable.CheckFeatures(engine, features, "--features");
            progress?.Report("read");
            var (ids, matrix) = SegmentTable.ReadMatrix(engine, features);
            Lap("read");
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report("fit");
            var assignment = KMeansScheme.Run(request.Scheme, ids, matrix, request.Settings);
            Lap("fit");

            progress?.Report("write");
            SegmentTable.WriteCodedColumns(engine, ids, assignment.Result.Labels, request.Scheme,
                [.. assignment.Profiles.Select(p => p.Key)], [.. assignment.Profiles.Select(p => p.Name.For(request.Language))]);
            SegmentCatalogue.Save(engine, assignment.Plan);
            Reporting.AnalysisRecordStore.Save(connection, Reporting.ClusterRecord.From(request.Scheme, assignment));
            Lap("store");

            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var run = new ClusteringRun(request.Scheme, assignment, segmentation, files, seconds);
            if (outDir is not null)
            {
                files["clusters_csv"] = WriteClusters(connection, request.Scheme, features, Path.Combine(outDir, ClustersCsv));
                files["profiles_csv"] = WriteProfiles(assignment, Path.Combine(outDir, ProfilesCsv));
                files["k_csv"] = WriteScores(assignment, Path.Combine(outDir, KScoresCsv));
                var json = Path.Combine(outDir, ClustersJson);
                files["clusters_json"] = json;
                AtomicFile.Write(json, temp => File.WriteAllText(temp, ClusteringJson.ToJson(run, ids.Count)));
                Lap("write");
            }
            return run;
        }
        finally
        {
            if (temporary is not null)
            {
                foreach (var file in new[] { temporary, temporary + ".wal" })
                {
                    if (File.Exists(file)) File.Delete(file);
                }
            }
        }
    }

    private static string WriteClusters(DuckDB.NET.Data.DuckDBConnection connection, string scheme, IReadOnlyList<string> features, string path)
    {
        var quote = DuckDbDialect.Instance;
        var columns = string.Join(", ", new[] { "customer_id", scheme, scheme + "_label" }.Select(c => SafeSelect.Neutralised(quote.QuoteIdentifier(c)) + " AS " + quote.QuoteIdentifier(c))
            .Concat(features.Select(quote.QuoteIdentifier)));
        AtomicFile.Write(path, temp =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"COPY (SELECT {columns} FROM {DuckDbEngine.SegmentsTable} ORDER BY customer_id) TO '{temp.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT csv, HEADER true, DELIMITER ',')";
            cmd.ExecuteNonQuery();
        });
        return path;
    }

    private static string WriteProfiles(KMeansAssignment assignment, string path)
    {
        var features = assignment.Result.Model.Features;
        var csv = new StringBuilder();
        csv.Append("cluster,name_zh,name_en,customers,share");
        foreach (var f in features) csv.Append(",mean_").Append(f);
        foreach (var f in features) csv.Append(",z_").Append(f);
        csv.Append('\n');
        foreach (var p in assignment.Profiles)
        {
            csv.Append(p.Key).Append(',').Append(Quote(p.Name.ZhCn)).Append(',').Append(Quote(p.Name.En)).Append(',')
                .Append(p.Size.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Round(p.Share, 6));
            foreach (var m in p.Means) csv.Append(',').Append(Round(m, 4));
            foreach (var z in p.ZScores) csv.Append(',').Append(Round(z, 4));
            csv.Append('\n');
        }
        AtomicFile.Write(path, temp => File.WriteAllText(temp, csv.ToString(), new UTF8Encoding(true)));
        return path;
    }

    private static string WriteScores(KMeansAssignment assignment, string path)
    {
        var csv = new StringBuilder("k,inertia,silhouette,calinski_harabasz,iterations,converged,chosen\n");
        foreach (var s in assignment.Result.Scores)
        {
            csv.Append(s.K.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Round(s.Inertia, 4)).Append(',')
                .Append(Round(s.Silhouette, 6)).Append(',').Append(Round(s.CalinskiHarabasz, 4)).Append(',')
                .Append(s.Iterations.ToString(CultureInfo.InvariantCulture)).Append(',').Append(s.Converged ? "true" : "false").Append(',')
                .Append(s.K == assignment.Result.ChosenK ? "true" : "false").Append('\n');
        }
        AtomicFile.Write(path, temp => File.WriteAllText(temp, csv.ToString()));
        return path;
    }

    private static string Round(double value, int digits) =>
        double.IsFinite(value) ? Math.Round(value, digits).ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
