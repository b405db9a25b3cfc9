using System.CommandLine;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary>Where results go and how they are printed.</summary>
internal sealed class OutputOptions(string defaultOut)
{
    public Option<string> Out { get; } = new("--out", "-o") { Description = "Output folder (customers.csv, customers.xlsx, summary.json, rejects.csv).", DefaultValueFactory = _ => defaultOut };
    public Option<string> Format { get; } = new("--format") { Description = "csv+xlsx (default) or csv (skip the workbook, for very large runs).", DefaultValueFactory = _ => "csv+xlsx" };
    public Option<string?> Order { get; } = new("--order") { Description = "customers.csv row order: customer (sorted by customer_id) or none (parallel write, faster); default: customer up to 1,000,000 customers, none above." };
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object to stdout instead of tables." };
    public Option<string?> Lang { get; } = new("--lang") { Description = "zh-CN or en; default from the locale." };

    public void AddTo(Command command)
    {
        command.Add(Out);
        command.Add(Format);
        command.Add(Order);
        command.Add(Json);
        command.Add(Lang);
    }

    public bool? GetSortedOutput(ParseResult parse) => parse.GetValue(Order)?.ToLowerInvariant() switch
    {
        null => null,
        "customer" or "customer_id" => true,
        "none" => false,
        var other => throw new UsageException($"--order {other}: use customer or none."),
    };

    public OutputFormat GetFormat(ParseResult parse) => parse.GetValue(Format)?.ToLowerInvariant() switch
    {
        "csv+xlsx" or "xlsx" or "both" => OutputFormat.CsvAndXlsx,
        "csv" => OutputFormat.Csv,
        var other => throw new UsageException($"--format {other}: use csv+xlsx or csv."),
    };
}
