using System.CommandLine;
using Segmenta.Data.Import;

namespace Segmenta.Cli.Commands;

/// <summary>
/// Where <c>propensity</c> and <c>recommend</c> read transactions: a file to import (<c>--input</c>, into
/// <c>--db</c> or memory), or the transactions already imported into <c>--db</c>.
/// </summary>
internal sealed class SourceOptions
{
    public Option<FileInfo?> Input { get; } = new("--input", "-i") { Description = "Transactions file: CSV (UTF-8, UTF-16, GBK/GB18030), XLSX or Parquet." };
    public Option<FileInfo?> Customers { get; } = new("--customers") { Description = "Optional customer attributes file (region, industry …)." };
    public Option<string?> Map { get; } = new("--map") { Description = "Column mapping overrides, e.g. customer=客户编号,date=下单日期,amount=实付金额,product=商品编码." };
    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Text encoding (utf-8, utf-16, gbk, gb18030); default: detected." };
    public Option<string?> Db { get; } = new("--db") { Description = "DuckDB store: with --input the data are imported into it; without, its imported transactions are used." };

    public void AddTo(Command command)
    {
        command.Add(Input);
        command.Add(Customers);
        command.Add(Map);
        command.Add(Encoding);
        command.Add(Db);
    }

    /// <summary>The store path (<c>:memory:</c> when only a file is given).</summary>
    public string Database(ParseResult parse)
    {
        var db = parse.GetValue(Db);
        if (parse.GetValue(Input) is null && db is null)
            throw new UsageException("give --input FILE (transactions to import) or --db FILE (a store with imported transactions). / 请指定 --input 或 --db。");
        return db ?? ":memory:";
    }

    /// <summary>Import settings of the transactions file, or null when the store's transactions are used.</summary>
    public ImportOptions? Transactions(ParseResult parse) => parse.GetValue(Input) is { } file ? Build(parse, file.FullName, ImportKind.Transactions) : null;

    /// <summary>Import settings of the customers file, or null.</summary>
    public ImportOptions? CustomerFile(ParseResult parse) => parse.GetValue(Customers) is { } file ? Build(parse, file.FullName, ImportKind.Customers) with { ColumnMap = new Dictionary<string, string>(), Encoding = null } : null;

    private ImportOptions Build(ParseResult parse, string path, ImportKind kind)
    {
        var map = parse.GetValue(Map);
        return new ImportOptions
        {
            Path = path,
            Kind = kind,
            Encoding = parse.GetValue(Encoding),
            ColumnMap = string.IsNullOrWhiteSpace(map) ? new Dictionary<string, string>() : ColumnMapParser.Parse(map),
        };
    }
}
