using System.Globalization;
using System.Text;
using Segmenta.Core.Clv.Validation;
using Segmenta.Data.Output;

namespace Segmenta.Data.Models;

/// <summary>Writes the holdout validation tables as CSV (invariant culture, UTF-8 with BOM, atomically).</summary>
public static class ValidationWriter
{
    /// <summary><c>frequency,customers,mean_predicted,mean_actual</c>, one row per bin ("7+" for the open bin).</summary>
    public static void WriteByFrequency(string path, HoldoutComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Write(path, "frequency,customers,mean_predicted,mean_actual",
            comparison.ByFrequency.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Label},{b.Customers},{Number(b.MeanPredicted)},{Number(b.MeanActual)}")));
    }

    /// <summary><c>week,date,actual_cumulative,model_cumulative</c>; date = the week's last day.</summary>
    public static void WriteTracking(string path, IReadOnlyList<TrackingPoint> tracking, DateOnly origin)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        Write(path, "week,date,actual_cumulative,model_cumulative",
            tracking.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Week},{origin.AddDays(p.EndDay):yyyy-MM-dd},{p.ActualCumulative},{p.ModelCumulative:0.####}")));
    }

    /// <summary><c>purchases,customers_actual,customers_model</c> for the calibration-period histogram ("7+" for the open bin).</summary>
    public static void WriteHistogram(string path, IReadOnlyList<PurchaseCountBin> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        Write(path, "purchases,customers_actual,customers_model",
            histogram.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Label},{b.ActualCustomers},{b.ModelCustomers:0.####}")));
    }

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("0.######", CultureInfo.InvariantCulture);

    private static void Write(string path, string header, IEnumerable<string> rows) => AtomicFile.Write(path, temp =>
    {
        using var w = new StreamWriter(temp, false, new UTF8Encoding(true));
        w.WriteLine(header);
        foreach (var row in rows) w.WriteLine(row);
    });
}
