using System.Globalization;
using System.Text;
using Segmenta.Core.Clv;
using Segmenta.Data.Output;

namespace Segmenta.Data.Models;

/// <summary>Per-customer predictions (P(alive), expected purchases, next purchase date, expected spend, CLV, P(no purchase in the horizon)) written as <c>predictions.csv</c>.</summary>
public static class PredictionWriter
{
    /// <summary>Computes every customer's predictions and writes them atomically; returns the number of rows.</summary>
    public static long Write(string path, CalibrationData data, ITransactionModel model, GammaGammaModel? spend, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var h = data.Histories;
        var alive = new double[h.Length];
        var purchases = new double[h.Length];
        model.ProbabilityAlive(h, alive);
        model.ExpectedPurchases(options.Horizon, h, purchases);
        var none = new double[h.Length];
        model.ProbabilityOfNoPurchase(options.Horizon, h, none);
        double[]? low = null, high = null;
        if (options.Intervals)
        {
            (low, high) = (new double[h.Length], new double[h.Length]);
            PredictionIntervals.ExpectedPurchases(model, options.Horizon, h, low, high);
        }
        var next = new double[h.Length];
        NextPurchase.ExpectedTimes(model, h, options.Horizon, next);
        double[]? clv = null;
        if (spend is not null)
        {
            clv = new double[h.Length];
            var clvOptions = new ClvOptions
            {
                ModelTimeUnit = options.TimeUnit,
                Period = DiscountPeriod.Month,
                Periods = options.ClvMonths,
                DiscountRate = options.DiscountMonthly,
                Margin = options.Margin,
            };
            // Net of returns a repeat buyer's mean spend can be ≤ 0: such customers are valued at 0 spend (documented rule).
            var mean = data.MeanSpend.Select(m => double.IsNaN(m) ? 0 : Math.Max(0, m)).ToArray();
            LifetimeValue.Compute(model, spend, h, mean, clv, clvOptions);
        }
        AtomicFile.Write(path, temp =>
        {
            using var w = new StreamWriter(temp, false, new UTF8Encoding(true), 1 << 16);
            w.Write("customer_id,frequency,recency,T,p_alive,exp_purchases,next_purchase_date");
            var profit = spend is not null && data.MarginRate is not null;
            w.WriteLine((spend is null ? "" : ",exp_spend,clv") + (profit ? ",margin_rate,profit_clv" : "") + ",p_no_purchase" + (low is null ? "" : ",exp_purchases_lo,exp_purchases_hi"));
            for (var i = 0; i < h.Length; i++)
            {
                w.Write(data.CustomerIds?[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture));
                w.Write(string.Create(CultureInfo.InvariantCulture, $",{h[i].Frequency},{h[i].Recency:0.######},{h[i].T:0.######},{alive[i]:0.########},{purchases[i]:0.########},{NextDate(data.CalibrationEnd, next[i], options.TimeUnit)}"));
                if (spend is not null)
                {
                    var m = data.MeanSpend[i];
                    var expSpend = spend.ExpectedSpend(h[i].Frequency, double.IsNaN(m) ? 0 : Math.Max(0, m));
                    w.Write(string.Create(CultureInfo.InvariantCulture, $",{expSpend:0.####},{clv![i]:0.####}"));
                    if (profit)
                        w.Write(string.Create(CultureInfo.InvariantCulture, $",{data.MarginRate![i]:0.######},{clv[i] * data.MarginRate[i]:0.####}"));
                }
                w.Write(string.Create(CultureInfo.InvariantCulture, $",{none[i]:0.########}"));
                if (low is not null)
                    w.Write(string.Create(CultureInfo.InvariantCulture, $",{low[i]:0.########},{high![i]:0.########}"));
                w.WriteLine();
            }
        });
        return h.Length;
    }

    /// <summary>
    /// Calendar date of the expected next purchase: calibration end + max(1, ⌈t* in days⌉) (the first day by which one purchase
    /// is expected); empty when t* is beyond the horizon (NaN) or the calibration end is unknown (summary files).
    /// </summary>
    public static string NextDate(DateOnly? calibrationEnd, double time, TimeUnit unit) =>
        calibrationEnd is { } end && !double.IsNaN(time)
            ? end.AddDays(Math.Max(1, (int)Math.Ceiling(TimeUnits.ToDays(time, unit) - 1e-9))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "";
}
