using System.Globalization;
using System.Text;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Output;
using Segmenta.Data.Synthetic.Internal;

namespace Segmenta.Data.Synthetic;

/// <summary>
/// Writes the four files of an industry profile (docs/generator.md, "Profiles"): transactions with a cost of goods (and a
/// discount for retail), customers with the profile's attributes, interactions and survey answers. Chemicals and pharma
/// files use Chinese headers and interaction types (拜访 / 电话 / 邮件 / 会议), as a Chinese CRM export would; the
/// importer reads both. Holds every customer in memory (meant for up to a few hundred thousand customers).
/// </summary>
internal static class ProfileCsvWriter
{
    private static readonly string[] ChineseTypes = ["拜访", "电话", "邮件", "会议"];
    private static readonly string[] EnglishTypes = ["visit", "call", "email", "meeting"];

    public static SyntheticSummary Write(SyntheticOptions options, SyntheticOutputFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var plan = TransactionSimulator.Plan(options);
        var profile = options.Profile;
        var chinese = profile is SyntheticProfile.Chemicals or SyntheticProfile.Pharma;
        var customers = new List<ProfiledCustomer>(plan.Customers);
        foreach (var c in TransactionSimulator.Simulate(options))
        {
            customers.Add(ProfileSimulator.Profile(c, profile, options.Seed));
            if (customers.Count % 16_384 == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        progress?.Report(0.4);
        string Id(int index) => "C" + (index + 1L).ToString(CultureInfo.InvariantCulture).PadLeft(plan.CustomerIdWidth, '0');
        string Product(int index) => "P" + (index + 1L).ToString(CultureInfo.InvariantCulture).PadLeft(plan.ProductIdWidth, '0');

        long rows = 0, cents = 0;
        var discount = profile == SyntheticProfile.Retail;
        Write(files.Transactions, w =>
        {
            w.Write("customer_id,order_id,order_date,amount,cost,product_id");
            w.Write(discount ? ",discount\n" : "\n");
            foreach (var row in TransactionSimulator.Transactions(customers.Select(p => p.Customer), options.Order))
            {
                var (amount, cost, off) = ProfileSimulator.Line(customers[row.Customer], row, options.Seed);
                w.Write($"{Id(row.Customer)},{row.OrderId.ToString(CultureInfo.InvariantCulture)},{Date(row.OrderDate)},{Money(amount)},{Money(cost)},{Product(row.Product)}");
                w.Write(discount ? "," + Money(off) + "\n" : "\n");
                rows++;
                cents += amount;
            }
        });
        progress?.Report(0.8);

        Write(files.Customers!, w =>
        {
            w.Write("customer_id," + string.Join(",", ProfileSimulator.AttributeColumns(profile)) + "\n");
            foreach (var p in customers) w.Write(Id(p.Customer.Index) + "," + string.Join(",", p.Attributes) + "\n");
        });

        long interactions = 0;
        Write(files.Interactions!, w =>
        {
            w.Write(chinese ? "客户编号,拜访日期,拜访方式,费用,负责人\n" : "customer_id,interaction_date,type,cost,owner\n");
            var names = chinese ? ChineseTypes : EnglishTypes;
            foreach (var p in customers)
            {
                foreach (var i in p.Interactions)
                {
                    var type = names[Array.IndexOf(EnglishTypes, i.Type)];
                    w.Write($"{Id(p.Customer.Index)},{Date(i.Date)},{type},{(i.CostCents is { } c ? Money(c) : "")},{i.Owner}\n");
                    interactions++;
                }
            }
        });

        long surveys = 0;
        Write(files.Surveys!, w =>
        {
            w.Write(chinese ? "客户编号,调查日期,推荐值,满意度,需求类型\n" : "customer_id,survey_date,nps,csat,need\n");
            foreach (var p in customers)
            {
                foreach (var s in p.Surveys)
                {
                    w.Write($"{Id(p.Customer.Index)},{Date(s.Date)},{Number(s.Nps)},{Number(s.Csat)},{s.Need}\n");
                    surveys++;
                }
            }
        });

        var summary = new SyntheticSummary(plan, rows, customers.Count,
            customers.Count(p => p.Customer.RepeatPurchases > 0), customers.Count(p => p.Customer.IsAliveAtAsOf), cents)
        {
            InteractionRows = interactions,
            SurveyRows = surveys,
        };
        if (files.Truth is not null) SyntheticTruthJson.Write(files.Truth, options, files, summary);
        progress?.Report(1.0);
        return summary;
    }

    private static void Write(string path, Action<StreamWriter> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
            write(writer);
        });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
