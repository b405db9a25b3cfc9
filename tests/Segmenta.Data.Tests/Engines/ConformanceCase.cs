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
    /// <summary>Interactions file of the case, or null.</summary>
    public string? Interactions { get; init; }

    /// <summary>Survey answers file of the case, or null.</summary>
    public string? Surveys { get; init; }

    /// <summary>The tables <see cref="Import"/> fills, in load order (what a server engine is given).</summary>
    public IEnumerable<string> Tables =>
        new[] { (string?)"transactions", Customers is null ? null : "customers", Interactions is null ? null : "interactions", Surveys is null ? null : "surveys" }.OfType<string>();

    /// <summary>Rules over the contact, survey and profitability features (with Chinese attributes): counts, nulls, NPS groups, money, ratios.</summary>
    public static readonly IReadOnlyList<string> ContactRules =
    [
        "nps_group = 'promoter' and contacts_90d >= 1",
        "csat > 3.5 or survey_need is null",
        "last_contact_days is null or last_contact_days > 60",
        "profit < 0",
        "gross_margin / monetary_total > 0.2",
        "cost_to_serve between 1000 and 50000",
        "not (visits_90d > 0 and nps < 7)",
        "discount_share >= 0.5",
        "region in ('浙江', '江苏') and contact_cost_90d > 0 and industry = '涂料'",
    ];

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

    /// <summary>Rows of the medium synthetic set (the default of the synthetic case).</summary>
    public const long MediumRows = 1_000_000;

    private static readonly string Folder = Directory.CreateTempSubdirectory("segmenta-conformance-").FullName;
    private static readonly Lazy<ConformanceCase> CdnowCase = new(BuildCdnow);
    private static readonly Lazy<ConformanceCase> SyntheticCase = new(BuildSynthetic);
    private static readonly Lazy<ConformanceCase> ContactsCase = new(BuildContacts);

    /// <summary>The bundled CDNOW demo data (69,659 rows, 23,570 customers) with a generated customers file (Chinese regions and industries, some missing), CLV columns on.</summary>
    public static ConformanceCase Cdnow => CdnowCase.Value;

    /// <summary>
    /// The synthetic set: <c>SEGMENTA_CONFORMANCE_FILE</c> when set (e.g. /work/bench-data/medium.csv), else generated with
    /// the in-repo generator at <c>SEGMENTA_CONFORMANCE_ROWS</c> rows (default 1,000,000 with seed 42: the medium set of
    /// <c>gen_transactions.py</c>'s parameters, as the acceptance asks; about 2 minutes for the three engines, see docs/engines.md),
    /// CLV columns on (the server engines score them by cells).
    /// </summary>
    public static ConformanceCase Synthetic => SyntheticCase.Value;

    /// <summary>
    /// A small chemicals-profile set from the in-repo generator (as <c>segmenta generate --profile chemicals</c>: Chinese
    /// headers and interaction types, cost of goods, customer attributes, interactions with some empty cost cells, survey
    /// answers), with the cost of goods blanked for customers whose id ends in 3 so their gross margin comes from the
    /// population margin rate, a discount column added; unit costs per interaction type (with cents) and CLV (profit
    /// histories) on.
    /// </summary>
    public static ConformanceCase Contacts => ContactsCase.Value;

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
            var rows = long.TryParse(Environment.GetEnvironmentVariable("SEGMENTA_CONFORMANCE_ROWS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : MediumRows;
            file = Path.Combine(Folder, "synthetic.csv");
            customers = Path.Combine(Folder, "synthetic_customers.csv");
            SyntheticCsvWriter.Write(new SyntheticOptions { Rows = rows, Seed = 42 }, file, customers);
        }
        else if (File.Exists(Path.ChangeExtension(file, null) + "_customers.csv"))
        {
            customers = Path.ChangeExtension(file, null) + "_customers.csv";
        }
        return new ConformanceCase("synthetic " + Path.GetFileName(file), file, customers,
            new SegmentationOptions { LabelLanguage = "en", AsOf = new DateOnly(2024, 12, 31), Clv = new ClvFeatureOptions() },
            ["region in ('Guangdong', 'Zhejiang') and orders >= 3", "not (industry = 'Retail' or monetary_total < 200)", "recency_days between 30 and 90"]);
    }

    private static ConformanceCase BuildContacts()
    {
        var files = new SyntheticOutputFiles(Path.Combine(Folder, "chemicals.csv")).ForProfile();
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 1500, Seed = 11, Profile = SyntheticProfile.Chemicals }, files);
        var lines = File.ReadAllLines(files.Transactions);
        var cost = Array.IndexOf(lines[0].Split(','), "cost");
        Assert.True(cost > 0, "the chemicals profile writes a cost column");
        lines[0] += ",discount";
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells[0].EndsWith('3')) cells[cost] = "";
            // A discount on every third row (discount_share: discounted orders / orders).
            lines[i] = string.Join(',', cells) + (i % 3 == 0 ? ",12.50" : ",");
        }
        File.WriteAllLines(files.Transactions, lines, new UTF8Encoding(false));
        var options = new SegmentationOptions
        {
            LabelLanguage = "zh-CN",
            Clv = new ClvFeatureOptions(),
            Profitability = new ProfitabilityOptions
            {
                UnitCosts = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["visit"] = 812.5m, ["call"] = 50m, ["email"] = 1.25m },
            },
        };
        return new ConformanceCase("chemicals profile with interactions and surveys", files.Transactions, files.Customers, options, ContactRules)
        {
            Interactions = files.Interactions,
            Surveys = files.Surveys,
        };
    }

    /// <summary>Imports the case's files into <paramref name="connection"/> with the one importer every engine uses.</summary>
    public void Import(DuckDB.NET.Data.DuckDBConnection connection)
    {
        Importer.Import(connection, new ImportOptions { Path = Transactions });
        if (Customers is not null)
            Importer.Import(connection, new ImportOptions { Path = Customers, Kind = ImportKind.Customers });
        if (Interactions is not null)
            Importer.Import(connection, new ImportOptions { Path = Interactions, Kind = ImportKind.Interactions });
        if (Surveys is not null)
            Importer.Import(connection, new ImportOptions { Path = Surveys, Kind = ImportKind.Surveys });
    }
}
