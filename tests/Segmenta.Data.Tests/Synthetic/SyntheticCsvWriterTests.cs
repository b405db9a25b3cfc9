using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Segmenta.Core;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Synthetic;

public sealed partial class SyntheticCsvWriterTests : IDisposable
{
    private static readonly SyntheticOptions Small = new() { Rows = 20_000 };
    private static readonly string[] FileNames = ["log.csv", "customers.csv", "truth.json", "latent.csv"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "segmenta-gen-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(SyntheticOrder.Date)]
    [InlineData(SyntheticOrder.Customer)]
    public void Write_SameSeed_ByteIdenticalFiles(SyntheticOrder order)
    {
        var options = Small with { Order = order };
        var first = WriteAll(options, "a");
        var second = WriteAll(options, "b");

        foreach (var (x, y) in first.Zip(second))
        {
            Assert.Equal(File.ReadAllBytes(x), File.ReadAllBytes(y));
        }
    }

    [Fact]
    public void Write_DifferentSeed_DifferentLog()
    {
        var first = WriteAll(Small, "a");
        var other = WriteAll(Small with { Seed = 7 }, "b");

        Assert.NotEqual(File.ReadAllBytes(first[0]), File.ReadAllBytes(other[0]));
        Assert.NotEqual(File.ReadAllBytes(first[1]), File.ReadAllBytes(other[1]));
    }

    [Fact]
    public void Write_OtherCurrentCulture_SameBytes()
    {
        var invariant = WriteAll(Small, "a");
        var previous = CultureInfo.CurrentCulture;
        string[] german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            german = WriteAll(Small, "b");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        foreach (var (x, y) in invariant.Zip(german))
        {
            Assert.Equal(File.ReadAllBytes(x), File.ReadAllBytes(y));
        }
    }

    [Fact]
    public void Write_DateOrder_ColumnsAndFormatsAsReference()
    {
        var path = Path.Combine(_folder, "log.csv");
        var summary = SyntheticCsvWriter.Write(Small, path);

        var lines = File.ReadAllLines(path);
        Assert.Equal("customer_id,order_id,order_date,amount,product_id", lines[0]);
        Assert.Equal(summary.Rows + 1, lines.Length);
        var previousDate = "";
        for (var i = 1; i < lines.Length; i++)
        {
            var match = TransactionRow().Match(lines[i]);
            Assert.True(match.Success, lines[i]);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), match.Groups["order"].Value);
            var date = match.Groups["date"].Value;
            Assert.True(string.CompareOrdinal(previousDate, date) <= 0, "order_id must increase with the date");
            var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(day, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31));
            Assert.True(decimal.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture) >= 0.01m);
            Assert.InRange(int.Parse(match.Groups["product"].Value, CultureInfo.InvariantCulture), 1, 2000);
            previousDate = date;
        }
    }

    [Fact]
    public void Write_CustomerOrder_GroupedByCustomerSameSummary()
    {
        var byDate = SyntheticCsvWriter.Write(Small, Path.Combine(_folder, "d.csv"));
        var byCustomerPath = Path.Combine(_folder, "c.csv");
        var byCustomer = SyntheticCsvWriter.Write(Small with { Order = SyntheticOrder.Customer }, byCustomerPath);

        Assert.Equal(byDate, byCustomer);
        var ids = File.ReadLines(byCustomerPath).Skip(1).Select(l => l[..8]).ToList();
        Assert.True(ids.Zip(ids.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) <= 0));
        Assert.Equal(
            File.ReadLines(Path.Combine(_folder, "d.csv")).Skip(1).Select(WithoutOrderId).Order(StringComparer.Ordinal),
            File.ReadLines(byCustomerPath).Skip(1).Select(WithoutOrderId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_CustomersFile_AttributesAndSignupBeforeFirstPurchase()
    {
        var log = Path.Combine(_folder, "log.csv");
        var customersPath = Path.Combine(_folder, "customers.csv");
        var summary = SyntheticCsvWriter.Write(Small, log, customersPath);

        var lines = File.ReadAllLines(customersPath);
        Assert.Equal("customer_id,region,industry,signup_date", lines[0]);
        Assert.Equal(summary.Customers + 1, lines.Length);
        var firstPurchase = File.ReadLines(log).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Select(f => f[2]).Order(StringComparer.Ordinal).First());
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            Assert.Equal("C" + i.ToString("D7", CultureInfo.InvariantCulture), f[0]);
            Assert.Contains(f[1], SyntheticAttributes.Regions);
            Assert.Contains(f[2], SyntheticAttributes.Industries);
            var signup = DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var first = DateOnly.ParseExact(firstPurchase[f[0]], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(first.DayNumber - signup.DayNumber, 0, 365);
        }
    }

    [Fact]
    public void Write_Truth_MatchesSummaryAndFiles()
    {
        var files = new SyntheticOutputFiles(
            Path.Combine(_folder, "log.csv"), Path.Combine(_folder, "customers.csv"), Path.Combine(_folder, "truth.json"), Path.Combine(_folder, "latent.csv"));
        var summary = SyntheticCsvWriter.Write(Small, files);

        using var json = JsonDocument.Parse(File.ReadAllBytes(files.Truth!));
        var root = json.RootElement;
        Assert.Equal(42, root.GetProperty("seed").GetInt64());
        Assert.Equal("2024-12-31", root.GetProperty("as_of").GetString());
        Assert.Equal(0.243, root.GetProperty("params").GetProperty("bgnbd").GetProperty("r").GetDouble());
        Assert.Equal(15.44, root.GetProperty("params").GetProperty("gamma_gamma").GetProperty("v").GetDouble());
        Assert.Equal(summary.Customers, root.GetProperty("customers").GetInt32());
        Assert.Equal(summary.Rows, root.GetProperty("rows").GetInt64());
        Assert.Equal(File.ReadLines(files.Transactions).LongCount() - 1, summary.Rows);
        Assert.Equal(summary.TotalAmount, root.GetProperty("total_amount").GetDecimal());

        var latent = File.ReadAllLines(files.Latent!);
        Assert.Equal("customer_id,lambda,p,nu,expected_spend,alive_at_as_of", latent[0]);
        Assert.Equal(summary.Customers + 1, latent.Length);
        Assert.Equal(summary.CustomersAliveAtAsOf, latent.Skip(1).Count(l => l.EndsWith(",1", StringComparison.Ordinal)));
        Assert.Equal(root.GetProperty("customers_with_repeat").GetInt32(), summary.CustomersWithRepeat);
    }

    [Fact]
    public void Write_Progress_EndsAtOneAndNeverDecreases()
    {
        var reports = new List<double>();
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 40_000 }, Path.Combine(_folder, "log.csv"), progress: new SyncProgress(reports));

        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void Write_InvalidOptions_ThrowsInputError() =>
        Assert.Throws<SegmentaInputException>(() =>
            SyntheticCsvWriter.Write(new SyntheticOptions(), Path.Combine(_folder, "log.csv")));

    private string[] WriteAll(SyntheticOptions options, string prefix)
    {
        string[] paths = [.. FileNames.Select(n => Path.Combine(_folder, prefix, n))];
        SyntheticCsvWriter.Write(options, new SyntheticOutputFiles(paths[0], paths[1], paths[2], paths[3]));
        return paths;
    }

    private static string WithoutOrderId(string line)
    {
        var f = line.Split(',');
        return string.Join(',', f[0], f[2], f[3], f[4]);
    }

    [GeneratedRegex(@"^C\d{7},(?<order>[1-9]\d*),(?<date>\d{4}-\d{2}-\d{2}),(?<amount>(0|[1-9]\d*)\.\d{2}),P(?<product>\d{5})$")]
    private static partial Regex TransactionRow();

    private sealed class SyncProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
