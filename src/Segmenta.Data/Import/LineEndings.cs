namespace Segmenta.Data.Import;

/// <summary>
/// Files whose lines end sometimes in CRLF and sometimes in LF (rows appended by hand to a Windows export, two exports
/// pasted together). DuckDB's strict CSV reader detects one line ending and stops with "the CSV Parser state machine
/// reached an invalid state" at the first line with the other one; such files are copied once with every CRLF turned
/// into LF and read again. Only files that failed are scanned, so clean files pay nothing.
/// </summary>
internal static class LineEndings
{
    private const int ChunkSize = 1 << 20;

    /// <summary>True when the file has at least one CRLF and at least one LF without a CR before it.</summary>
    public static bool AreMixed(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[ChunkSize];
        bool crlf = false, lf = false;
        byte previous = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    if (previous == (byte)'\r') crlf = true;
                    else lf = true;
                    if (crlf && lf) return true;
                }

                previous = buffer[i];
            }
        }

        return false;
    }

    /// <summary>Copies <paramref name="path"/> to a temp file with every CRLF replaced by LF; returns the copy's path.</summary>
    public static string CopyWithLf(string path, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Path.GetTempPath(), "segmenta-lf-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize);
            var buffer = new byte[ChunkSize];
            var pendingCr = false;
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] == (byte)'\r')
                    {
                        if (pendingCr) output.WriteByte((byte)'\r');
                        output.Write(buffer, start, i - start);
                        start = i + 1;
                        pendingCr = true;
                        continue;
                    }

                    if (pendingCr && buffer[i] != (byte)'\n') output.WriteByte((byte)'\r');
                    pendingCr = false;
                }

                output.Write(buffer, start, read - start);
            }

            if (pendingCr) output.WriteByte((byte)'\r');
        }
        catch
        {
            File.Delete(target);
            throw;
        }

        return target;
    }
}
