using System.Globalization;
using System.Text;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Import;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Engines;

/// <summary>One input set of the conformance suite: files, options, and the user rules run on it.</summary>
internal sealed record ConformanceCase(string Name, string Transactions, string? Customers, SegmentationOptions Options, IReadOnlyList<string> Rules)
{
    /// <summary>Rules over the features and the Chinese customer attributes: text equality, in, between, is null, arithmetic, dates, null logic.</summary>
    public static readonly IReadOnlyList<string> CdnowRules =
    [
        "region = '浙江'",
        "region in ('浙江', '江苏') and monetary_total >= 100",
        "not (region in ('浙江', '江苏'))",
        "region not in ('浙江', '上海')",
        "orders between 2 and 5",
        "industry is null or recency_days > 365",
        "monetary_total / orders > 30.5",
        "not (region = '广东' and orders > 3)",
        "monetary_mean * 2 - 10 <= repeat_monetary_mean",
        "tenure_days - recency_days = first_to_last_days",
        "monetary_total > 99.99 and monetary_total < 1000.5",
        "not (industry = '化工' or mean_gap_days < 30)",
    ];

    private static readonly string Folder = Directory.CreateTempSubdirectory("segmenta-conformance-").FullName;
    private static readonly Lazy<ConformanceCase> CdnowCase = new(BuildCdnow);
    private static readonly Lazy<ConformanceCase> SyntheticCase = new(BuildSynthetic);

    /// <summary>The bundled CDNOW demo data (69,659 rows, 23,570 customers) with a generated customers file (Chinese regions and industries, some missing), CLV columns on.</summary>
    public static ConformanceCase Cdnow => CdnowCase.Value;

    /// <summary>
    /// The synthetic set: <c>SEGMENTA_CONFORMANCE_FILE</c> when set (e.g. /work/bench-data/medium.csv), else generated with
    /// the in-repo generator at <c>SEGMENTA_CONFORMANCE_ROWS</c> rows (default 200,000, which keeps CI fast).
    /// </summary>
    public static ConformanceCase Synthetic => SyntheticCase.Value;

    public override string ToString() => Name;

    private static ConformanceCase BuildCdnow()
    {
        var transactions = TestData.PathOf("cdnow_transactions.csv");
        var ids = File.ReadLines(transactions).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
        string[] regions = ["浙江", "江苏", "广东", "上海", ""];
        string[] industries = ["化工", "医药", "零售", "", "Retail"];
        var customers = Path.Combine(Folder, "cdnow_customers.csv");
        var sb = new StringBuilder("customer_id,region,industry\n");
        for (var i = 0; i < ids.Count; i++)
            sb.Append(ids[i]).Append(',').Append(regions[i * 7 % regions.Length]).Append(',').Append(industries[i * 3 % industries.Length]).Append('\n');
        File.WriteAllText(customers, sb.ToString(), new UTF8Encoding(false));
        return new ConformanceCase("cdnow", transactions, customers,
            new SegmentationOptions { LabelLanguage = "zh-CN", Clv = new ClvFeatureOptions() }, CdnowRules);
    }

    private static ConformanceCase BuildSynthetic()
    {
        var file = Environment.GetEnvironmentVariable("SEGMENTA_CONFORMANCE_FILE");
        string? customers = null;
        if (string.IsNullOrWhiteSpace(file))
        {
            var rows = long.TryParse(Environment.GetEnvironmentVariable("SEGMENTA_CONFORMANCE_ROWS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 200_000;
            file = Path.Combine(Folder, "synthetic.csv");
            customers = Path.Combine(Folder, "synthetic_customers.csv");
            SyntheticCsvWriter.Write(new SyntheticOptions { Rows = rows, Seed = 42 }, file, customers);
        }
        else if (File.Exists(Path.ChangeExtension(file, null) + "_customers.csv"))
        {
            customers = Path.ChangeExtension(file, null) + "_customers.csv";
        }
        return new ConformanceCase("synthetic " + Path.GetFileName(file), file, customers,
            new SegmentationOptions { LabelLanguage = "en", AsOf = new DateOnly(2024, 12, 31) },
            ["region in ('Guangdong', 'Zhejiang') and orders >= 3", "not (industry = 'Retail' or monetary_total < 200)", "recency_days between 30 and 90"]);
    }

    /// <summary>Imports the case's files into <paramref name="connection"/> with the one importer every engine uses.</summary>
    public void Import(DuckDB.NET.Data.DuckDBConnection connection)
    {
        Importer.Import(connection, new ImportOptions { Path = Transactions });
        if (Customers is not null)
            Importer.Import(connection, new ImportOptions { Path = Customers, Kind = ImportKind.Customers });
    }
}
