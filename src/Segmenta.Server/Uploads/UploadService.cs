using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segmenta.Core;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Uploads;

/// <summary>
/// Receives an uploaded file: streams the body to <c>DATA/uploads/ID/KIND.EXT</c> (the client's file name is kept as
/// metadata only, never used as a path), checks it with the same <see cref="Importer"/> the CLI uses (into a scratch
/// store, so the live store changes only when a run imports it), and records it for later runs.
/// </summary>
internal sealed class UploadService(ServerStore store, ServerSettings settings, AuditLog audit, TimeProvider clock)
{
    /// <summary>The file types accepted, by the extension of the client's file name.</summary>
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = ".csv",
        [".txt"] = ".csv",
        [".tsv"] = ".csv",
        [".xlsx"] = ".xlsx",
        [".xls"] = ".xls",
        [".parquet"] = ".parquet",
    };

    /// <summary>Stores and checks one upload; throws 413 past the size limit and 400 with the row accounting on bad data.</summary>
    public async Task<UploadRecord> ReceiveAsync(ImportKind kind, string? fileName, Stream body, long? contentLength, UploadSettings options, string actor, CancellationToken cancellationToken)
    {
        var limit = settings.MaxUploadBytes;
        if (contentLength > limit) throw TooLarge(limit);
        var ext = Extensions.GetValueOrDefault(Path.GetExtension(fileName ?? "") ?? "")
            ?? throw new SegmentaInputException($"file \"{Sanitise(fileName)}\": upload a .csv, .txt, .tsv, .xlsx, .xls or .parquet file. / 只支持 CSV、XLSX 或 Parquet 文件。");
        var importOptions = options.ToImportOptions(kind);
        var id = Guid.NewGuid().ToString("N");
        var dir = Path.Combine(settings.DataDirectory, "uploads", id);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, kind.ToString().ToLowerInvariant() + ext);
        long bytes = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    bytes += read;
                    if (bytes > limit) throw TooLarge(limit);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var report = Check(importOptions with { Path = path, RejectsPath = Path.Combine(dir, "rejects.csv") }, dir, cancellationToken);
            var load = RunSummary.LoadJson(report);
            load["rejects_file"] = report.RejectsFile is null ? null : "rejects.csv";
            var record = new UploadRecord(id, kind.ToString().ToLowerInvariant(), Sanitise(fileName), bytes, actor, clock.GetUtcNow().UtcDateTime, options, load);
            store.Execute($"INSERT INTO {ServerStore.Uploads} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, record.Kind, record.FileName, path, bytes, actor, record.UploadedAt, JsonSerializer.Serialize(options), load.ToJsonString());
            audit.Write(actor, "upload." + record.Kind, string.Create(CultureInfo.InvariantCulture, $"upload {id} ({record.FileName}, {bytes} bytes, {report.RowsRead} rows read, {report.RowsRejected} rejected)"));
            return record;
        }
        catch
        {
            TryDelete(dir);
            throw;
        }
    }

    /// <summary>The newest upload of a kind, or a given one.</summary>
    public (string Path, UploadSettings Settings)? Find(string kind, string? id)
    {
        var rows = id is null
            ? store.Query($"SELECT path, settings_json FROM {ServerStore.Uploads} WHERE kind = ? ORDER BY uploaded_at DESC LIMIT 1", kind)
            : store.Query($"SELECT path, settings_json FROM {ServerStore.Uploads} WHERE kind = ? AND id = ?", kind, id);
        if (rows.Count == 0) return null;
        return ((string)rows[0][0]!, JsonSerializer.Deserialize<UploadSettings>((string)rows[0][1]!) ?? new UploadSettings());
    }

    /// <summary>All uploads, newest first.</summary>
    public IReadOnlyList<JsonObject> List() =>
        [.. store.Query($"SELECT id, kind, original_name, bytes, uploaded_by, uploaded_at, load_json FROM {ServerStore.Uploads} ORDER BY uploaded_at DESC").Select(r => new JsonObject
        {
            ["id"] = (string)r[0]!,
            ["kind"] = (string)r[1]!,
            ["file_name"] = (string)r[2]!,
            ["bytes"] = Convert.ToInt64(r[3], CultureInfo.InvariantCulture),
            ["uploaded_by"] = (string)r[4]!,
            ["uploaded_at"] = (DateTime)r[5]!,
            ["load"] = JsonNode.Parse((string)r[6]!),
        })];

    /// <summary>
    /// Imports into a scratch store beside the upload. When too many rows are rejected the importer's message (the
    /// CLI's) is kept and the full accounting (read / accepted / rejected by reason) is added to the problem.
    /// </summary>
    private static Core.Ingest.LoadReport Check(ImportOptions options, string dir, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(dir, "check.duckdb");
        try
        {
            try
            {
                using var connection = DuckDbStore.Open(scratch);
                return Importer.Import(connection, options, cancellationToken);
            }
            catch (SegmentaInputException ex)
            {
                JsonObject? load = null;
                if (options.MaxRejectRate < 1)
                {
                    try
                    {
                        using var connection = DuckDbStore.Open(scratch);
                        load = RunSummary.LoadJson(Importer.Import(connection, options with { MaxRejectRate = 1, RejectsPath = null }, cancellationToken));
                        load["rejects_file"] = null;
                    }
                    catch (SegmentaInputException)
                    {
                        // The file fails before any row is counted (no header, missing column …): the message says why.
                    }
                }
                throw new ApiException(StatusCodes.Status400BadRequest, "Bad input", ex.Message, new Dictionary<string, object?> { ["load"] = load });
            }
        }
        finally
        {
            File.Delete(scratch);
            File.Delete(scratch + ".wal");
        }
    }

    private static ApiException TooLarge(long limit) => new(StatusCodes.Status413PayloadTooLarge, "Upload too large",
        string.Create(CultureInfo.InvariantCulture, $"the upload is larger than the limit of {limit / (1024 * 1024.0):0.#} MiB; split the file or raise Segmenta:MaxUploadBytes. / 上传文件超过 {limit / (1024 * 1024.0):0.#} MiB 的上限。"));

    /// <summary>The client's file name for display: the last path segment, control characters removed, at most 120 characters.</summary>
    public static string Sanitise(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "upload" : clean.Length > 120 ? clean[..120] : clean;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder holds no record and is never used.
        }
    }
}
