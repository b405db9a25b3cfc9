namespace Segmenta.Data.Import;

/// <summary>
/// Finds empty records of a UTF-8 CSV file. DuckDB skips them silently but still counts them in its line numbers,
/// so the importer needs them to give accepted rows their true row number. Quote-aware: a blank line inside a
/// quoted value is not a record. Only run when <see cref="Utf8Scan.MayHaveBlankLine"/> says there may be one.
/// </summary>
internal static class BlankRecordScanner
{
    /// <summary>The 1-based record numbers (header = 1) of empty records.</summary>
    public static List<long> Scan(string path, CancellationToken cancellationToken)
    {
        var blanks = new List<long>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long record = 1;
        var inQuotes = false;
        var empty = true;
        var start = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var i = 0;
            if (start && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                i = 3;
            }

            start = false;
            for (; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'"')
                {
                    inQuotes = !inQuotes;
                    empty = false;
                }
                else if (b == (byte)'\n' && !inQuotes)
                {
                    if (empty)
                    {
                        blanks.Add(record);
                    }

                    record++;
                    empty = true;
                }
                else if (b != (byte)'\r')
                {
                    empty = false;
                }
            }
        }

        return blanks;
    }
}
