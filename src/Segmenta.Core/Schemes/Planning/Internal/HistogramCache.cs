using Segmenta.Core.Numerics;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>Asks for each column's histogram once.</summary>
internal sealed class HistogramCache(Func<string, ValueHistogram> histogramOf)
{
    private readonly Dictionary<string, ValueHistogram> _histograms = new(StringComparer.Ordinal);

    public ValueHistogram Get(string column)
    {
        if (!_histograms.TryGetValue(column, out var histogram))
        {
            histogram = histogramOf(column) ?? throw new InvalidOperationException($"histogramOf returned null for column \"{column}\"");
            _histograms.Add(column, histogram);
        }
        return histogram;
    }
}
