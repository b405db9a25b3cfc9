using System.Globalization;

namespace Segmenta.Data.Tests;

/// <summary>Paths to the reference data copied next to the test assembly, and small converters.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    /// <summary>The CDNOW 1/10 sample as a CSV (customer = sample id 1..2357, date yyyyMMdd, amount) in a temp folder.</summary>
    public static string CdnowSampleCsv(string dir)
    {
        var path = Path.Combine(dir, "cdnow_sample.csv");
        using var w = new StreamWriter(path);
        w.WriteLine("customer_id,order_date,quantity,amount");
        foreach (var line in File.ReadLines(PathOf("CDNOW_sample.txt")))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5) continue;
            w.WriteLine(string.Join(',', int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), f[2], f[3], f[4]));
        }
        return path;
    }
}
