using Segmenta.Data.Import;

namespace Segmenta.Server.Uploads;

/// <summary>How to read an uploaded file: the query parameters of the upload (the CLI's import options).</summary>
internal sealed record UploadSettings
{
    /// <summary>Column mapping overrides, e.g. <c>customer=客户编号,date=下单日期</c>.</summary>
    public string? Map { get; init; }

    /// <summary>utf-8, utf-16, gbk or gb18030; null detects.</summary>
    public string? Encoding { get; init; }

    /// <summary>XLSX sheet name.</summary>
    public string? Sheet { get; init; }

    /// <summary>net or exclude.</summary>
    public string? Returns { get; init; }

    /// <summary>Largest share of rejected rows (default 0.01).</summary>
    public double? MaxRejectRate { get; init; }

    /// <summary>"." or ",".</summary>
    public string? DecimalSeparator { get; init; }

    /// <summary>The importer's options (path filled in later); bad values give the CLI's messages.</summary>
    public ImportOptions ToImportOptions(ImportKind kind)
    {
        var rate = MaxRejectRate ?? ImportOptions.DefaultMaxRejectRate;
        if (rate is < 0 or > 1 || double.IsNaN(rate))
            throw new Core.SegmentaInputException("maxRejectRate: use a share between 0 and 1, e.g. 0.01 for 1%. / maxRejectRate 须在 0 到 1 之间。");
        var sep = DecimalSeparator ?? ".";
        if (sep is not ("." or ",")) throw new Core.SegmentaInputException($"decimalSeparator \"{sep}\": use \".\" or \",\".");
        return new ImportOptions
        {
            Path = "-",
            Kind = kind,
            Encoding = Encoding,
            Sheet = Sheet,
            ColumnMap = string.IsNullOrWhiteSpace(Map) ? new Dictionary<string, string>() : ColumnMapParser.Parse(Map),
            Returns = Returns?.ToLowerInvariant() switch
            {
                null or "net" => ReturnsPolicy.Net,
                "exclude" => ReturnsPolicy.Exclude,
                var other => throw new Core.SegmentaInputException($"returns {other}: use net or exclude. / returns 只能是 net 或 exclude。"),
            },
            MaxRejectRate = rate,
            DecimalSeparator = sep[0],
        };
    }
}

/// <summary>One stored upload and its row accounting.</summary>
internal sealed record UploadRecord(string Id, string Kind, string FileName, long Bytes, string UploadedBy, DateTime UploadedAt, UploadSettings Settings, System.Text.Json.Nodes.JsonObject Load);
