using Segmenta.Core;
using Segmenta.Core.Numerics;
using Segmenta.Data.Sql;

namespace Segmenta.Data.DuckDb;

public sealed partial class DuckDbEngine
{
    /// <inheritdoc />
    /// <remarks>
    /// The same histogram as <see cref="EngineSql.Histogram"/> and <see cref="EngineSql.NullCount"/> give (the one every
    /// engine computes cut points from), in one query. An exact column is grouped by the column itself (the cast to
    /// DECIMAL(38,6) is applied to the groups only), nulls first as their own group. A double column (model outputs
    /// such as clv_12m: mostly distinct values) is read sorted and counted here: sorting 3M doubles costs about half
    /// of grouping them and then sorting the groups. Equal neighbours after the 6-decimal rounding are merged by
    /// <see cref="EngineSql.HistogramOf"/> either way.
    /// </remarks>
    public Task<ValueHistogram> HistogramAsync(string column, CancellationToken cancellationToken)
    {
        var kinds = ColumnKinds(FeaturesTable);
        if (!kinds.TryGetValue(column, out var kind))
            throw new SegmentaInputException($"Unknown feature \"{column}\". Features: {string.Join(", ", kinds.Keys)}.");
        var q = Dialect.QuoteIdentifier(column);
        var values = new List<decimal>();
        var counts = new List<long>();
        long nulls = 0;
        if (kind == ColumnKind.Double)
        {
            using var reader = Query($"SELECT {Dialect.ToDouble(q)} FROM {FeaturesTable} ORDER BY {q} NULLS FIRST");
            var previous = double.NaN;
            while (reader.Read())
            {
                if (reader.IsDBNull(0))
                {
                    nulls++;
                    continue;
                }
                var value = reader.GetDouble(0);
                if (counts.Count > 0 && value.Equals(previous)) counts[^1]++;
                else
                {
                    values.Add(EngineSql.HistogramValue(value));
                    counts.Add(1);
                    previous = value;
                }
            }
        }
        else
        {
            using var reader = Query($"SELECT {Dialect.Cast(q, SqlType.Wide)}, {Dialect.CountRows()} FROM {FeaturesTable} GROUP BY {q} ORDER BY {q} NULLS FIRST");
            while (reader.Read())
            {
                if (reader.IsDBNull(0)) nulls = reader.GetInt64(1);
                else
                {
                    values.Add(reader.GetDecimal(0));
                    counts.Add(reader.GetInt64(1));
                }
            }
        }
        return Task.FromResult(EngineSql.HistogramOf(values, counts, nulls));
    }
}
