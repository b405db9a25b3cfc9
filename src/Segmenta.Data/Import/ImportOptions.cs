namespace Segmenta.Data.Import;

/// <summary>Settings of one file import. Only <see cref="Path"/> is required.</summary>
public sealed record ImportOptions
{
    /// <summary>The default largest share of rejected rows (1 %) before the import fails.</summary>
    public const double DefaultMaxRejectRate = 0.01;

    private readonly string? _tableName;

    /// <summary>The file to import: CSV (any extension other than the ones below), XLSX/XLS, or Parquet.</summary>
    public required string Path { get; init; }

    /// <summary>What the file holds; decides the target table and the required columns.</summary>
    public ImportKind Kind { get; init; } = ImportKind.Transactions;

    /// <summary>
    /// Text encoding of a CSV file: <c>utf-8</c>, <c>utf-16</c> (<c>utf-16le</c>, <c>utf-16be</c>), <c>gbk</c> or <c>gb18030</c>.
    /// Null detects it: a UTF-8 or UTF-16 byte-order mark, else UTF-8 when every byte sequence is valid UTF-8, else GB18030.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>The XLSX sheet to read; null reads the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Role → source header, overriding header detection (see <see cref="ColumnMapParser.Parse(string)"/>), e.g.
    /// <c>customer → 客户编号</c>. Roles: customer, date, amount, order, product, quantity, cost, category, discount, region,
    /// industry, channel, city, signup_date (customers); type, owner (interactions); nps, csat, need (surveys).
    /// </summary>
    public IReadOnlyDictionary<string, string> ColumnMap { get; init; } = new Dictionary<string, string>();

    /// <summary>What to do with negative amounts (returns); see <see cref="ReturnsPolicy"/>.</summary>
    public ReturnsPolicy Returns { get; init; } = ReturnsPolicy.Net;

    /// <summary>
    /// The largest share (0–1) of read rows that may be rejected, not counting returns excluded by policy.
    /// Above it the import fails and the target table is left as it was. Default 0.01.
    /// </summary>
    public double MaxRejectRate { get; init; } = DefaultMaxRejectRate;

    /// <summary>Where rejected rows are written (CSV, UTF-8 with BOM, so Excel opens it); null writes no file.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>
    /// The decimal separator of amounts in text files: <c>'.'</c> (default; a comma is then a thousands separator)
    /// or <c>','</c> (a period is then a thousands separator).
    /// </summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>
    /// Skip the typed fast path for clean UTF-8 transaction CSVs and always stage every column as text and parse it
    /// (the results are the same; for comparisons and benchmarks).
    /// </summary>
    public bool FullParse { get; init; }

    /// <summary>
    /// The table to create or replace; defaults to <c>transactions</c>, <c>customers</c>, <c>interactions</c> or
    /// <c>surveys</c> by <see cref="Kind"/>.
    /// </summary>
    public string TableName
    {
        get => _tableName ?? DefaultTable(Kind);
        init => _tableName = value;
    }

    /// <summary>The table a file of <paramref name="kind"/> is loaded into unless <see cref="TableName"/> says otherwise.</summary>
    public static string DefaultTable(ImportKind kind) => kind switch
    {
        ImportKind.Customers => "customers",
        ImportKind.Interactions => "interactions",
        ImportKind.Surveys => "surveys",
        _ => "transactions",
    };
}
