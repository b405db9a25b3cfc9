using Segmenta.Core;
using Segmenta.Core.Clv;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Models;

/// <summary>Turns imported transactions or a summary file into model inputs.</summary>
public static class CalibrationLoader
{
    /// <summary>
    /// From the engine's features as of <paramref name="calibrationEnd"/> (the last day of the calibration period,
    /// inclusive): x = repeat purchase days, tₓ = first→last purchase and T = first purchase→calibration end, as
    /// date differences in days converted to <paramref name="unit"/> (the BTYD convention).
    /// </summary>
    public static async Task<CalibrationData> FromFeaturesAsync(DuckDbEngine engine, DateOnly? calibrationEnd, TimeUnit unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var built = await engine.BuildFeaturesAsync(calibrationEnd, cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var histories = new List<CustomerHistory>();
        var spend = new List<double>();
        var revenue = new List<double>();
        var margin = new List<double>();
        using var reader = engine.Query($"SELECT customer_id, frequency, first_to_last_days, tenure_days, repeat_monetary_mean, CAST(monetary_total AS DOUBLE), CAST(margin AS DOUBLE) FROM {DuckDbEngine.FeaturesTable} ORDER BY customer_id");
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            histories.Add(new CustomerHistory(reader.GetInt64(1), TimeUnits.FromDays(reader.GetInt64(2), unit), TimeUnits.FromDays(reader.GetInt64(3), unit)));
            spend.Add(reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4));
            revenue.Add(reader.GetDouble(5));
            margin.Add(reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6));
        }
        return new CalibrationData(ids, [.. histories], [.. spend])
        {
            CalibrationEnd = built.AsOf,
            MarginRate = MarginRates.Observed([.. revenue], [.. margin]),
        };
    }

    /// <summary>From a summary CSV with <c>frequency, recency, T</c> and optional <c>monetary_value</c>, <c>weight</c>.</summary>
    public static CalibrationData FromSummaryFile(string path)
    {
        var c = SummaryFile.ReadColumns(path, ["frequency", "recency", "T"], ["monetary_value", "weight", "weights"]);
        var n = c["frequency"].Length;
        var weight = c.TryGetValue("weight", out var w) ? w : c.TryGetValue("weights", out var ws) ? ws : null;
        var histories = new CustomerHistory[n];
        for (var i = 0; i < n; i++)
        {
            var (x, tx, t) = (c["frequency"][i], c["recency"][i], c["T"][i]);
            if (x < 0 || tx < 0 || t < tx)
                throw new SegmentaInputException($"{path} row {i + 2}: frequency {x}, recency {tx}, T {t} is not a valid history (need frequency ≥ 0 and 0 ≤ recency ≤ T).");
            histories[i] = new CustomerHistory(x, tx, t, weight?[i] ?? 1);
        }
        var spend = c.TryGetValue("monetary_value", out var m) ? m : [.. Enumerable.Repeat(double.NaN, n)];
        return new CalibrationData(null, histories, spend);
    }

    /// <summary>From a BG/BB pattern file (<c>frequency, recency, periods, weights</c>, as the donations data): T = periods.</summary>
    public static CalibrationData FromBgBbFile(string path)
    {
        var c = SummaryFile.ReadColumns(path, ["frequency", "recency", "periods"], ["weights", "weight"]);
        var n = c["frequency"].Length;
        var weight = c.TryGetValue("weights", out var w) ? w : c.TryGetValue("weight", out var ws) ? ws : null;
        var histories = new CustomerHistory[n];
        for (var i = 0; i < n; i++)
            histories[i] = new CustomerHistory(c["frequency"][i], c["recency"][i], c["periods"][i], weight?[i] ?? 1);
        return new CalibrationData(null, histories, [.. Enumerable.Repeat(double.NaN, n)]);
    }

    /// <summary>
    /// A retention series for the shifted-beta-geometric model: rows with <c>year</c> or <c>period</c> 0 … <paramref name="fitPeriods"/>
    /// and the survivors in <paramref name="column"/>. Percentages (a first value of 100) are read as a cohort of 1,000
    /// (Fader &amp; Hardie 2007 fit their 1,000-customer cohorts); counts are used as they are.
    /// </summary>
    public static double[] SurvivalSeries(string path, string column, int fitPeriods)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fitPeriods);
        var probe = SummaryFile.ReadColumns(path, [column], ["year", "period"]);
        var periods = probe.TryGetValue("year", out var y) ? y : probe.TryGetValue("period", out var p) ? p
            : throw new SegmentaInputException($"{path}: a survival file needs a year or period column.");
        var values = probe[column];
        var series = Enumerable.Range(0, periods.Length).Where(i => periods[i] <= fitPeriods).OrderBy(i => periods[i]).Select(i => values[i]).ToArray();
        if (series.Length < 3) throw new SegmentaInputException($"{path}: need the survivors at period 0 and at least two later periods; found {series.Length}.");
        var percent = Math.Abs(series[0] - 100) < 1e-9;
        return percent ? [.. series.Select(v => v * 10)] : series;
    }
}
