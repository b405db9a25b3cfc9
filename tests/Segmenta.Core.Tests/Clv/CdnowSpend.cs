using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

/// <summary>
/// Calibration-period spend of the CDNOW sample: transactions through 1997-09-30 inclusive, same-day purchases summed
/// into one purchase day, the first purchase day excluded; mean spend over the repeat purchase days.
/// </summary>
internal static class CdnowSpend
{
    private static readonly DateOnly EndOfCalibration = new(1997, 9, 30);

    public static SpendHistory[] RepeatBuyers()
    {
        var days = new Dictionary<int, SortedDictionary<DateOnly, double>>();
        foreach (var (id, date, dollars) in ReferenceData.CdnowTransactions())
        {
            if (date > EndOfCalibration) continue;
            if (!days.TryGetValue(id, out var d)) days[id] = d = [];
            d[date] = d.TryGetValue(date, out var s) ? s + dollars : dollars;
        }
        var result = new List<SpendHistory>();
        foreach (var d in days.Values)
        {
            if (d.Count < 2) continue;
            var repeat = d.Values.Skip(1).ToArray();
            result.Add(new SpendHistory(repeat.Length, repeat.Average()));
        }
        return [.. result];
    }
}
