using System.Globalization;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Synthetic;

public class ProfileCsvWriterTests
{
    private static SyntheticOutputFiles Write(string dir, SyntheticProfile profile, long seed = 5)
    {
        var files = new SyntheticOutputFiles(Path.Combine(dir, "t.csv")).ForProfile();
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 300, Seed = seed, Profile = profile }, files);
        return files;
    }

    private static string[] All(SyntheticOutputFiles f) =>
        [.. new[] { f.Transactions, f.Customers!, f.Interactions!, f.Surveys! }.Select(File.ReadAllText)];

    [Theory]
    [InlineData(SyntheticProfile.Retail)]
    [InlineData(SyntheticProfile.Pharma)]
    public void Write_SameSeed_ByteIdenticalFiles_OtherSeedDiffers(SyntheticProfile profile)
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        Assert.Equal(All(Write(a.Path, profile)), All(Write(b.Path, profile)));
        Assert.NotEqual(All(Write(a.Path, profile))[2], All(Write(c.Path, profile, seed: 6))[2]);
    }

    [Fact]
    public void Write_Profile_KeepsThePurchasesOfTheStandardLog()
    {
        using var dir = new TempDir();
        var standard = Path.Combine(dir.Path, "s.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 300, Seed = 5 }, standard);
        var files = Write(dir.Path, SyntheticProfile.Chemicals);
        var plain = File.ReadAllLines(standard).Skip(1).Select(l => l.Split(',')).ToList();
        var chem = File.ReadAllLines(files.Transactions).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(plain.Count, chem.Count);
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i][..3], chem[i][..3]);   // customer, order id, date
            var amount = decimal.Parse(chem[i][3], CultureInfo.InvariantCulture);
            Assert.Equal(decimal.Parse(plain[i][3], CultureInfo.InvariantCulture) * 800, amount);
            var cost = decimal.Parse(chem[i][4], CultureInfo.InvariantCulture);
            Assert.InRange(cost / amount, 0.69m, 0.89m);   // margin rates 12–30 %
        }
    }

    [Fact]
    public void Write_Pharma_HospitalAttributesAndRepVisits()
    {
        using var dir = new TempDir();
        var files = Write(dir.Path, SyntheticProfile.Pharma);
        var customers = File.ReadAllLines(files.Customers!);
        Assert.Equal("customer_id,region,hospital_level,beds,department_count,potential,signup_date", customers[0]);
        Assert.Equal(301, customers.Length);
        var levels = customers.Skip(1).Select(l => l.Split(',')[2]).ToHashSet();
        Assert.Subset(new HashSet<string> { "三级甲等", "三级", "二级", "一级" }, levels);
        var interactions = File.ReadAllLines(files.Interactions!);
        Assert.Equal("客户编号,拜访日期,拜访方式,费用,负责人", interactions[0]);
        var types = interactions.Skip(1).Select(l => l.Split(',')[2]).ToList();
        Assert.True(types.Count(t => t == "拜访") > types.Count / 2, "rep visits dominate");
        Assert.All(interactions.Skip(1), l => Assert.False(string.IsNullOrEmpty(l.Split(',')[4])));
    }
}
