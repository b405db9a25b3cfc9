using System.Globalization;

namespace Segmenta.Tests.Shared;

/// <summary>The CDNOW 1/10 sample (tests/data/CDNOW_sample.txt) as a transactions CSV, shared by the test projects.</summary>
internal static class CdnowSample
{
    /// <summary>Writes <c>customer_id,order_date,quantity,amount</c> with the sample id (1..2357) as customer and yyyyMMdd dates.</summary>
    public static string WriteCsv(string dir)
    {
        var path = Path.Combine(dir, "cdnow_sample.csv");
        using var w = new StreamWriter(path);
        w.WriteLine("customer_id,order_date,quantity,amount");
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "CDNOW_sample.txt")))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5) continue;
            w.WriteLine(string.Join(',', int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), f[2], f[3], f[4]));
        }
        return path;
    }
}
