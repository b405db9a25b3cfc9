namespace Segmenta.Data.Import;

/// <summary>The kinds of files the importer reads.</summary>
internal enum FileFormat
{
    Csv,
    Excel,
    Parquet,
}

/// <summary>Decides the format by extension, then by the first bytes when the extension says nothing.</summary>
internal static class FileFormats
{
    public static FileFormat Detect(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var magic = Magic(path);
        return extension switch
        {
            ".xlsx" or ".xlsm" or ".xls" => FileFormat.Excel,
            ".parquet" or ".pq" => FileFormat.Parquet,
            _ => magic ?? FileFormat.Csv,
        };
    }

    /// <summary>ZIP (XLSX), OLE2 (XLS) or PAR1 (Parquet) signatures; null for anything else (text).</summary>
    private static FileFormat? Magic(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
        {
            return null;
        }

        if (head.SequenceEqual("PK\u0003\u0004"u8) || head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            return FileFormat.Excel;
        }

        return head.SequenceEqual("PAR1"u8) ? FileFormat.Parquet : null;
    }
}
