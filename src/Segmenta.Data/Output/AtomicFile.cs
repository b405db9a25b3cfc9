using Segmenta.Core;

namespace Segmenta.Data.Output;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a truncated file:
/// write to a temporary sibling, flush, then rename over the target. When the write fails (disk full, folder not
/// writable, target locked) the temporary file is deleted, the target is left as it was, and the caller gets a
/// <see cref="SegmentaInputException"/> naming the file, the cause and the fix.
/// </summary>
public static class AtomicFile
{
    /// <summary>errno ENOSPC (Linux, macOS), and the Windows HRESULTs of ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL.</summary>
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>
    /// Test seam: wraps the stream <see cref="WriteStream"/> writes through (a test injects one that fails with ENOSPC
    /// half-way). It flows with the async context, so tests running in parallel do not see each other's.
    /// </summary>
    internal static AsyncLocal<Func<Stream, Stream>?> StreamWrapper { get; } = new();

    /// <summary>A hidden temporary sibling of <paramref name="path"/> in the same folder (so the final rename is atomic).</summary>
    public static string TempPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");

    /// <summary>Runs <paramref name="write"/> on a temporary path, then moves the result to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var temp = TempPathFor(path);
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || IsDiskFull(e))
        {
            // IsDiskFull also catches the DuckDBException of a COPY writing into the temporary file.
            throw Failure(path, e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes through a stream; the stream is flushed to disk before the rename.</summary>
    public static void WriteStream(string path, Action<Stream> write) => Write(path, temp =>
    {
        using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var stream = StreamWrapper.Value?.Invoke(file) ?? file;
        write(stream);
        stream.Flush();
        file.Flush(flushToDisk: true);
    });

    /// <summary>True when <paramref name="e"/> says the disk (or quota) is full.</summary>
    public static bool IsDiskFull(Exception e) =>
        (e is IOException && DiskFullCodes.Contains(e.HResult)) ||
        e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) ||
        e.Message.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The one-line error for a failed write of <paramref name="path"/>: disk full, or not writable/locked.</summary>
    public static SegmentaInputException Failure(string path, Exception e)
    {
        var where = Path.GetDirectoryName(Path.GetFullPath(path));
        return IsDiskFull(e)
            ? new SegmentaInputException(
                $"{path}: could not be written, the disk is full (no space left on device in {where}). Nothing was written and any earlier " +
                $"{Path.GetFileName(path)} is unchanged. Free some space or write elsewhere (--out). / 磁盘已满，文件未写入（原文件保持不变）。请释放空间或换一个输出目录。", e)
            : new SegmentaInputException(
                $"{path}: could not be written ({e.Message.ReplaceLineEndings(" ")}). Check that the folder exists and is writable and that the file is not " +
                $"open in another program (Excel locks the files it has open), or write elsewhere (--out). / 无法写入该文件：请检查目录是否可写、文件是否被其他程序（如 Excel）占用。", e);
    }
}
