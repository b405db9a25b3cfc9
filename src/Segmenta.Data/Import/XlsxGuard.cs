using System.Globalization;
using System.IO.Compression;
using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>
/// Decompression limits for XLSX workbooks (ZIP archives), checked before ExcelDataReader opens them, so a zip bomb
/// (a few KB that inflate to gigabytes) is refused instead of filling memory or disk. Two passes: the sizes the archive
/// declares (free), then the bytes each entry really inflates to, counted while streaming (constant memory) and
/// stopped as soon as a limit or the declared size is passed (a crafted archive can lie about its sizes).
/// </summary>
internal static class XlsxGuard
{
    /// <summary>Most bytes all entries together may inflate to (a full 1,048,576-row sheet is about 1–2 GB of XML).</summary>
    public const long DefaultMaxTotalBytes = 4L << 30;

    /// <summary>
    /// Highest inflated/compressed ratio of a large entry. Real sheets compress 5–30×; deflate cannot exceed ≈ 1032×,
    /// which is what bombs use.
    /// </summary>
    public const double DefaultMaxRatio = 200;

    /// <summary>Entries smaller than this are never refused for their ratio (tiny XML parts compress very well).</summary>
    public const long RatioFloorBytes = 16L << 20;

    private const int MaxEntries = 10_000;

    /// <summary>Throws <see cref="SegmentaInputException"/> when the archive at <paramref name="path"/> passes a limit.</summary>
    public static void Check(string path, string source, long maxTotalBytes = DefaultMaxTotalBytes, double maxRatio = DefaultMaxRatio)
    {
        if (!IsZip(path))
        {
            return; // XLS (OLE2) or not an archive at all: ExcelDataReader reports what it is.
        }

        try
        {
            using var archive = ZipFile.OpenRead(path);
            if (archive.Entries.Count > MaxEntries)
            {
                throw Refuse(source, string.Create(CultureInfo.InvariantCulture, $"it has {archive.Entries.Count} parts (limit {MaxEntries})"));
            }

            long declared = 0;
            foreach (var entry in archive.Entries)
            {
                declared += entry.Length;
                CheckSizes(entry.FullName, entry.Length, entry.CompressedLength, declared, source, maxTotalBytes, maxRatio);
            }

            long inflated = 0;
            var buffer = new byte[1 << 16];
            foreach (var entry in archive.Entries)
            {
                long entryBytes = 0;
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    entryBytes += read;
                    inflated += read;
                    if (entryBytes > entry.Length)
                    {
                        throw Refuse(source, $"part \"{entry.FullName}\" inflates to more than the {entry.Length:N0} bytes it declares (a crafted or corrupt archive)");
                    }

                    CheckSizes(entry.FullName, entryBytes, entry.CompressedLength, inflated, source, maxTotalBytes, maxRatio);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new SegmentaInputException($"{source}: not a readable Excel workbook ({e.Message}). Save it again as .xlsx, or export CSV.", e);
        }
    }

    private static void CheckSizes(string name, long bytes, long compressed, long total, string source, long maxTotalBytes, double maxRatio)
    {
        if (total > maxTotalBytes)
        {
            throw Refuse(source, string.Create(CultureInfo.InvariantCulture,
                $"its parts inflate to more than {maxTotalBytes:N0} bytes"));
        }

        var ratio = (double)bytes / Math.Max(compressed, 1);
        if (bytes > Math.Min(RatioFloorBytes, maxTotalBytes / 4) && ratio > maxRatio)
        {
            throw Refuse(source, string.Create(CultureInfo.InvariantCulture,
                $"part \"{name}\" inflates {ratio:N0} times (limit {maxRatio:N0}), the shape of a zip bomb"));
        }
    }

    private static SegmentaInputException Refuse(string source, string why) => new(
        $"{source}: refused to open the workbook: {why}. If the file is genuine, export the sheet as CSV and import that. " +
        $"/ 拒绝打开该工作簿：解压后过大（疑似 zip 炸弹）。如文件可信，请另存为 CSV 再导入。");

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }
}
