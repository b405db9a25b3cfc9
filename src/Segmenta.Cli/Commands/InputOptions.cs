using System.CommandLine;
using System.Globalization;
using Segmenta.Data.Import;

namespace Segmenta.Cli.Commands;

/// <summary>The options that say how to read the input files, shared by <c>segment</c> and <c>import</c>.</summary>
internal sealed class InputOptions
{
    public Option<FileInfo?> Input { get; } = new("--input", "-i") { Description = "Transactions file: CSV (UTF-8, UTF-16, GBK/GB18030), XLSX or Parquet.", Required = true };

    /// <summary>The options; <paramref name="inputRequired"/> false lets a command read a table instead (segment --table).</summary>
    public InputOptions(bool inputRequired = true) => Input.Required = inputRequired;
    public Option<FileInfo?> Customers { get; } = new("--customers") { Description = "Optional customer attributes file (customer id, region, industry, signup date …)." };
    public Option<string?> Map { get; } = new("--map") { Description = "Column mapping overrides, e.g. customer=客户编号,date=下单日期,amount=实付金额." };
    public Option<string?> CustomersMap { get; } = new("--customers-map") { Description = "Column mapping overrides for the customers file." };
    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Text encoding (utf-8, utf-16, gbk, gb18030); default: detected." };
    public Option<string?> Sheet { get; } = new("--sheet") { Description = "XLSX sheet name; default: the first sheet." };
    public Option<string> Returns { get; } = new("--returns") { Description = "Negative amounts (returns/refunds): net = subtract from spend, exclude = leave out (listed in the rejects file).", DefaultValueFactory = _ => "net" };
    public Option<double> MaxRejectRate { get; } = new("--max-reject-rate") { Description = "Fail (exit 2) when more than this share of rows is rejected.", DefaultValueFactory = _ => 0.01 };
    public Option<string> DecimalSeparator { get; } = new("--decimal-separator") { Description = "Decimal separator in amounts: \".\" (default) or \",\".", DefaultValueFactory = _ => "." };
    public Option<string> Db { get; } = new("--db") { Description = "DuckDB store file (:memory: for none).", DefaultValueFactory = _ => Data.DuckDb.DuckDbStore.DefaultPath };

    public void AddTo(Command command)
    {
        command.Add(Input);
        command.Add(Customers);
        command.Add(Map);
        command.Add(CustomersMap);
        command.Add(Encoding);
        command.Add(Sheet);
        command.Add(Returns);
        command.Add(MaxRejectRate);
        command.Add(DecimalSeparator);
        command.Add(Db);
    }

    public ImportOptions Transactions(ParseResult parse) => Build(parse, parse.GetRequiredValue(Input)!.FullName, ImportKind.Transactions, parse.GetValue(Map));

    /// <summary>The transactions file's options, or null when no --input was given.</summary>
    public ImportOptions? TransactionsOrNull(ParseResult parse) => parse.GetValue(Input) is null ? null : Transactions(parse);

    /// <summary>
    /// How files are read (reject limit, returns, decimal separator) without a transactions file: the template the
    /// interactions and surveys files take their settings from when the transactions come from --table.
    /// </summary>
    public ImportOptions ReadSettings(ParseResult parse) => Build(parse, "", ImportKind.Transactions, null);

    /// <summary>The --map overrides as a dictionary (for a table read with --table).</summary>
    public IReadOnlyDictionary<string, string> ColumnMap(ParseResult parse) =>
        parse.GetValue(Map) is { } map && !string.IsNullOrWhiteSpace(map) ? ColumnMapParser.Parse(map) : new Dictionary<string, string>();

    public ImportOptions? CustomerFile(ParseResult parse) =>
        parse.GetValue(Customers) is { } file ? Build(parse, file.FullName, ImportKind.Customers, parse.GetValue(CustomersMap)) with { Encoding = null, Sheet = null } : null;

    private ImportOptions Build(ParseResult parse, string path, ImportKind kind, string? map)
    {
        var returns = parse.GetValue(Returns)?.ToLowerInvariant() switch
        {
            "net" => ReturnsPolicy.Net,
            "exclude" => ReturnsPolicy.Exclude,
            var other => throw new UsageException($"--returns {other}: use net or exclude."),
        };
        var rate = parse.GetValue(MaxRejectRate);
        if (rate is < 0 or > 1) throw new UsageException($"--max-reject-rate {rate.ToString(CultureInfo.InvariantCulture)}: use a share between 0 and 1, e.g. 0.01 for 1%.");
        var sep = parse.GetValue(DecimalSeparator);
        if (sep is not ("." or ",")) throw new UsageException($"--decimal-separator \"{sep}\": use \".\" or \",\".");
        return new ImportOptions
        {
            Path = path,
            Kind = kind,
            Encoding = parse.GetValue(Encoding),
            Sheet = parse.GetValue(Sheet),
            ColumnMap = string.IsNullOrWhiteSpace(map) ? new Dictionary<string, string>() : ColumnMapParser.Parse(map),
            Returns = returns,
            MaxRejectRate = rate,
            DecimalSeparator = sep[0],
        };
    }
}
