using System.Text.Unicode;

namespace Segmenta.Data.Import;

/// <summary>Streaming checks over a file's bytes (1 MiB at a time, never the whole file in memory).</summary>
internal static class Utf8Scan
{
    private const int ChunkSize = 1 << 20;

    /// <summary>True when every byte sequence of the file is valid UTF-8 (stops at the first invalid one).</summary>
    public static bool IsValidUtf8(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[ChunkSize + 4];
        var carry = 0;
        int read;
        while ((read = stream.Read(buffer, carry, ChunkSize)) > 0)
        {
            var length = carry + read;
            var tail = IncompleteTail(buffer.AsSpan(0, length));
            if (!Utf8.IsValid(buffer.AsSpan(0, length - tail)))
            {
                return false;
            }

            buffer.AsSpan(length - tail, tail).CopyTo(buffer);
            carry = tail;
        }

        return carry == 0;
    }

    /// <summary>True when the file may contain an empty line (<c>\n\n</c> or <c>\n\r\n</c>, or a leading newline).</summary>
    public static bool MayHaveBlankLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[ChunkSize + 2];
        buffer[0] = (byte)'\n';
        buffer[1] = (byte)'x';
        var offset = 1;
        int read;
        while ((read = stream.Read(buffer, offset, ChunkSize)) > 0)
        {
            var span = buffer.AsSpan(0, offset + read);
            if (span.IndexOf("\n\n"u8) >= 0 || span.IndexOf("\n\r\n"u8) >= 0)
            {
                return true;
            }

            var keep = Math.Min(2, span.Length);
            span[^keep..].CopyTo(buffer);
            offset = keep;
        }

        return false;
    }

    /// <summary>How many bytes at the end start a UTF-8 sequence that continues in the next chunk.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> span)
    {
        for (var i = 1; i <= Math.Min(3, span.Length); i++)
        {
            var b = span[^i];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            if (b < 0xC0)
            {
                return 0;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            return needed > i ? i : 0;
        }

        return 0;
    }
}
