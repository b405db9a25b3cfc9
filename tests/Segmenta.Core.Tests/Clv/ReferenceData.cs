using System.Globalization;
using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

/// <summary>Readers for the reference data sets in tests/data (copied to the output folder).</summary>
internal static class ReferenceData
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "data", file);

    /// <summary>cdnow_customers_summary.csv: ID,frequency,recency,T in weeks.</summary>
    public static CustomerHistory[] CdnowSummary()
    {
        var rows = new List<CustomerHistory>();
        foreach (var line in File.ReadLines(PathOf("cdnow_customers_summary.csv")).Skip(1))
        {
            var f = line.Split(',');
            rows.Add(new CustomerHistory(double.Parse(f[1], Inv), double.Parse(f[2], Inv), double.Parse(f[3], Inv)));
        }
        return [.. rows];
    }

    /// <summary>donations.csv: frequency,recency,periods,weights.</summary>
    public static CustomerHistory[] Donations()
    {
        var rows = new List<CustomerHistory>();
        foreach (var line in File.ReadLines(PathOf("donations.csv")).Skip(1))
        {
            var f = line.Split(',');
            rows.Add(new CustomerHistory(double.Parse(f[0], Inv), double.Parse(f[1], Inv), double.Parse(f[2], Inv), double.Parse(f[3], Inv)));
        }
        return [.. rows];
    }

    /// <summary>CDNOW_sample.txt: (sample id, date, dollars) per transaction line.</summary>
    public static List<(int Id, DateOnly Date, double Dollars)> CdnowTransactions()
    {
        var rows = new List<(int, DateOnly, double)>();
        foreach (var line in File.ReadLines(PathOf("CDNOW_sample.txt")))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5) continue;
            rows.Add((int.Parse(f[1], Inv), DateOnly.ParseExact(f[2], "yyyyMMdd", Inv), double.Parse(f[4], Inv)));
        }
        return rows;
    }

    /// <summary>fader-hardie-2007.csv: (year, regular %, high end %).</summary>
    public static List<(int Year, double Regular, double HighEnd)> Retention()
    {
        var rows = new List<(int, double, double)>();
        foreach (var line in File.ReadLines(PathOf("fader-hardie-2007.csv")).Skip(1))
        {
            var f = line.Split(',');
            rows.Add((int.Parse(f[0], Inv), double.Parse(f[1], Inv), double.Parse(f[2], Inv)));
        }
        return rows;
    }

    /// <summary>Relative difference |actual − expected| / |expected|.</summary>
    public static double Rel(double actual, double expected) => Math.Abs(actual - expected) / Math.Abs(expected);

    /// <summary>Central finite-difference gradient of a scalar function of the parameters.</summary>
    public static double[] NumericGradient(Func<double[], double> f, double[] p)
    {
        var g = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(p[i]));
            var up = (double[])p.Clone(); up[i] += h;
            var dn = (double[])p.Clone(); dn[i] -= h;
            g[i] = (f(up) - f(dn)) / (2 * h);
        }
        return g;
    }

    /// <summary>
    /// Five-point central differences (truncation O(h⁴)) with a wider step, for sums over many customers whose
    /// special functions carry ~1e-14 rounding noise (Math.NET's BetaLn), which h = 1e-6 would amplify past 1e-5.
    /// </summary>
    public static double[] NumericGradient5(Func<double[], double> f, double[] p, double relativeStep = 1e-4)
    {
        var g = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var h = relativeStep * Math.Max(1, Math.Abs(p[i]));
            double At(double step) { var q = (double[])p.Clone(); q[i] += step; return f(q); }
            g[i] = (8 * (At(h) - At(-h)) - (At(2 * h) - At(-2 * h))) / (12 * h);
        }
        return g;
    }
}
