using System.Globalization;
using Segmenta.Core;
using Sylvan.Data.Csv;

namespace Segmenta.Data.Models;

/// <summary>
/// Reads per-customer summary files for model fitting: <c>frequency, recency, T</c> (optionally
/// <c>monetary_value</c>, <c>weight</c>), the BG/BB layout <c>frequency, recency, periods, weights</c>, and retention
/// series (<c>year</c> or <c>period</c> plus a survival column in percent or counts).
/// </summary>
public static class SummaryFile
{
    /// <summary>Named numeric columns of a CSV, read fully (summary files have one row per customer or per pattern).</summary>
    public static IReadOnlyDictionary<string, double[]> ReadColumns(string path, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(optional);
        if (!File.Exists(path)) throw new SegmentaInputException($"{path}: file not found.");
        using var reader = CsvDataReader.Create(path);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        int Find(string name) => names.FindIndex(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
        var missing = required.Where(r => Find(r) < 0).ToList();
        if (missing.Count > 0)
            throw new SegmentaInputException($"{path}: missing column(s) {string.Join(", ", missing)}; found {string.Join(", ", names)}. A summary file needs the header {string.Join(",", required)}.");
        var wanted = required.Concat(optional.Where(o => Find(o) >= 0)).ToList();
        var values = wanted.ToDictionary(w => w, _ => new List<double>(), StringComparer.OrdinalIgnoreCase);
        var row = 1;
        while (reader.Read())
        {
            row++;
            foreach (var w in wanted)
            {
                var text = reader.GetString(Find(w));
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new SegmentaInputException($"{path} row {row}, column \"{w}\": \"{text}\" is not a number (invariant culture, e.g. 12.5).");
                values[w].Add(v);
            }
        }
        if (row == 1) throw new SegmentaInputException($"{path}: no data rows.");
        return values.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }
}
