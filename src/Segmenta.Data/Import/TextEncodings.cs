using System.Text;
using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>Chooses the text encoding of a CSV file and turns non-UTF-8 files into UTF-8 ones DuckDB can read.</summary>
internal static class TextEncodings
{
    /// <summary>GB18030 (code page 54936), a superset of GBK/GB2312, used for all three.</summary>
    public const int Gb18030CodePage = 54936;

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding to read <paramref name="path"/> with, and whether DuckDB can read the file as it is.</summary>
    public static (Encoding Encoding, string Name, bool IsUtf8) Choose(string path, string? requested, string source)
    {
        var bom = ReadBom(path);
        if (requested is not null)
        {
            return FromName(requested, source);
        }

        return bom switch
        {
            "utf-8" => (new UTF8Encoding(false), "utf-8 (BOM)", true),
            "utf-16le" => (new UnicodeEncoding(false, false), "utf-16le (BOM)", false),
            "utf-16be" => (new UnicodeEncoding(true, false), "utf-16be (BOM)", false),
            _ when Utf8Scan.IsValidUtf8(path) => (new UTF8Encoding(false), "utf-8", true),
            _ => (Gb18030(), "gb18030 (detected: not valid UTF-8)", false),
        };
    }

    /// <summary>The GB18030 decoder; undecodable bytes become U+FFFD and are counted by the transcoder.</summary>
    /// <remarks>
    /// The explicit fallback matters: the code-page encodings' default decoder fallback writes "?", which would turn a
    /// broken byte into a plausible character and never be counted (issue 10, gbk_invalid_bytes.csv).
    /// </remarks>
    public static Encoding Gb18030() =>
        Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));

    /// <summary>
    /// Streams <paramref name="path"/> into a new UTF-8 file (no BOM) in the temp folder and returns its path and the
    /// number of U+FFFD replacement characters written for byte sequences the encoding could not decode.
    /// </summary>
    public static (string Path, long Replaced) TranscodeToUtf8(string path, Encoding encoding, CancellationToken cancellationToken)
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "segmenta-" + Guid.NewGuid().ToString("N") + ".csv");
        long replaced = 0;
        try
        {
            using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 20);
            using var writer = new StreamWriter(target, false, new UTF8Encoding(false), bufferSize: 1 << 20);
            var buffer = new char[1 << 20];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var span = buffer.AsSpan(0, read);
                replaced += span.Count('\uFFFD');
                writer.Write(span);
            }
        }
        catch
        {
            File.Delete(target);
            throw;
        }

        return (target, replaced);
    }

    private static (Encoding, string, bool) FromName(string requested, string source)
    {
        var name = requested.Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal);
        return name switch
        {
            "utf-8" or "utf8" or "utf-8-bom" or "utf-8-sig" => (new UTF8Encoding(false), "utf-8", true),
            "utf-16" or "utf16" or "utf-16le" or "unicode" => (new UnicodeEncoding(false, false), "utf-16le", false),
            "utf-16be" => (new UnicodeEncoding(true, false), "utf-16be", false),
            "gbk" or "gb2312" or "gb18030" or "cp936" or "936" or "54936" => (Gb18030(), "gb18030", false),
            _ => throw new SegmentaInputException(
                $"{source}: unknown encoding \"{requested}\". Use utf-8, utf-16, gbk or gb18030, or leave --encoding out to detect it."),
        };
    }

    private static string? ReadBom(string path)
    {
        Span<byte> head = stackalloc byte[3];
        using var stream = File.OpenRead(path);
        var n = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return "utf-8";
        }

        if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return "utf-16le";
        }

        return n >= 2 && head[0] == 0xFE && head[1] == 0xFF ? "utf-16be" : null;
    }
}
