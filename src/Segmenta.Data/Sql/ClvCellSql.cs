using System.Globalization;
using Segmenta.Core.Clv;
using Segmenta.Core.Customers;
using Segmenta.Core.Pipelines;

namespace Segmenta.Data.Sql;

/// <summary>
/// The SQL of in-engine <c>--clv</c> scoring by sufficient-statistic cells (docs/scale.md), one definition for every
/// dialect: the cell aggregates read from the feature table, the cell score table's columns, and the join that adds the
/// CLV columns to every customer. Each per-customer value is the same IEEE operation sequence as
/// <see cref="ClvFeatures.Compute(CustomerHistories, ClvFeatureOptions)"/> (<see cref="ClvCellScores"/>), so both paths give
/// the same doubles.
/// </summary>
internal static class ClvCellSql
{
    /// <summary>The key columns of a cell, shared by the feature table and the cell table (joined with USING).</summary>
    public static readonly IReadOnlyList<string> Keys = [FeatureNames.Frequency, FeatureNames.FirstToLastDays, FeatureNames.TenureDays];

    /// <summary>The double columns of the cell table, in order (constants repeated per cell keep the join a plain lookup).</summary>
    public static readonly IReadOnlyList<string> Values =
        ["cell_p_alive", "cell_exp_purchases", "cell_discounted", "cell_spend_denominator", "cell_spend_p", "cell_spend_v", "cell_population_spend", "cell_margin", "cell_population_rate", "cell_cost_factor"];

    /// <summary>The table the cell scores are loaded into (on ClickHouse: a full copy on every shard).</summary>
    public const string Table = "clv_cell_scores";

    /// <summary><c>(x, tₓ, T, customers)</c> per distinct cell of the feature table.</summary>
    public static string HistoryCells(SqlDialect d, string features)
    {
        var keys = string.Join(", ", Keys);
        return $"SELECT {keys}, {d.CountRows()} FROM {features} GROUP BY {keys}";
    }

    /// <summary>
    /// <c>(x, m̄ₓ, customers)</c> per distinct spend cell of the repeat buyers with m̄ₓ &gt; 0, in the order of each cell's
    /// first customer id (only the order travels, not the id).
    /// </summary>
    public static string SpendCells(SqlDialect d, string features)
    {
        const string x = FeatureNames.Frequency, m = FeatureNames.RepeatMonetaryMean;
        return $"SELECT {x}, {m}, {d.CountRows()} FROM {features} WHERE {x} > 0 AND {m} > 0 GROUP BY {x}, {m} "
            + $"ORDER BY min({d.TextForOrdering(FeatureNames.CustomerId)})";
    }

    /// <summary>Σ gross_margin, Σ monetary_total over the customers with a gross margin and revenue &gt; 0 (the population margin rate of <see cref="Core.Clv.MarginRates"/>).</summary>
    public static string ProfitSums(SqlDialect d, string features) =>
        $"SELECT {d.ToDouble($"sum({FeatureNames.GrossMargin})")}, {d.ToDouble($"sum({FeatureNames.MonetaryTotal})")} FROM {features} "
        + $"WHERE {FeatureNames.GrossMargin} IS NOT NULL AND {FeatureNames.MonetaryTotal} > 0";

    /// <summary>
    /// Reads the cells of <paramref name="features"/> (and the profit sums when it has profit features) with
    /// <paramref name="rows"/>, which runs a query and returns its rows as typed values or invariant text.
    /// </summary>
    public static async Task<ClvCells> ReadAsync(SqlDialect d, string features, bool profit, Func<string, Task<IReadOnlyList<object?[]>>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var histories = await rows(HistoryCells(d, features)).ConfigureAwait(false);
        var spend = await rows(SpendCells(d, features)).ConfigureAwait(false);
        var sums = profit ? (await rows(ProfitSums(d, features)).ConfigureAwait(false))[0] : null;
        return new ClvCells(
            [.. histories.Select(r => new HistoryCell(Long(r[0]), Long(r[1]), Long(r[2]), Long(r[3])))],
            [.. spend.Select(r => new SpendHistory(Long(r[0]), Double(r[1]), Long(r[2])))],
            sums is null ? null : (Double(sums[0]), Double(sums[1])));
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>A double from a typed value or invariant text; null (an empty sum) is 0.</summary>
    private static double Double(object? value) => value is null ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>One cell table row: the key, then <see cref="Values"/> (null for a non-finite value, as the per-customer path stores it).</summary>
    public static (long[] Key, double?[] Values) Row(ClvCellScores s, int i)
    {
        ArgumentNullException.ThrowIfNull(s);
        double?[] values =
        [
            s.ProbabilityAlive[i], s.ExpectedPurchases[i], s.DiscountedPurchases[i], s.SpendDenominator[i],
            s.SpendP, s.SpendV, s.PopulationSpend, s.Margin, s.PopulationMarginRate, s.CostFactor,
        ];
        for (var j = 0; j < values.Length; j++)
        {
            if (values[j] is { } v && !double.IsFinite(v)) values[j] = null;
        }
        return ([s.Frequency[i], s.FirstToLastDays[i], s.TenureDays[i]], values);
    }

    /// <summary>
    /// The feature table with the CLV columns added: <paramref name="columns"/> of <paramref name="features"/>, then
    /// <see cref="ClvCellScores.Columns"/>, by a left join on the cell with <paramref name="cells"/> (a table or subquery
    /// with the key columns and <see cref="Values"/> as doubles).
    /// </summary>
    public static string Scored(SqlDialect d, string features, IReadOnlyList<string> columns, string cells, ClvCellScores scores)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(scores);
        var zero = d.DoubleLiteral(0);
        var m = $"CASE WHEN {FeatureNames.RepeatMonetaryMean} IS NULL THEN {zero} ELSE greatest({FeatureNames.RepeatMonetaryMean}, {zero}) END";
        var spend = $"CASE WHEN {FeatureNames.Frequency} = 0 THEN cell_population_spend "
            + $"ELSE (cell_spend_v + ({m}) * {d.ToDouble(FeatureNames.Frequency)}) * cell_spend_p / cell_spend_denominator END";
        var clv = $"cell_discounted * (cell_margin * ({spend}))";
        List<string> added = ["cell_p_alive", "cell_exp_purchases", spend, clv];
        if (scores.PopulationMarginRate is not null)
        {
            var revenueClv = $"CASE WHEN cell_margin > 0 THEN ({clv}) / cell_margin ELSE {zero} END";
            var rate = $"CASE WHEN {FeatureNames.GrossMargin} IS NULL OR {FeatureNames.MonetaryTotal} <= 0 THEN cell_population_rate "
                + $"ELSE {d.ToDouble(FeatureNames.GrossMargin)} / {d.ToDouble(FeatureNames.MonetaryTotal)} END";
            var cost = $"CASE WHEN {FeatureNames.ContactCost90d} IS NULL THEN {zero} ELSE {d.ToDouble(FeatureNames.ContactCost90d)} END";
            added.Add($"({revenueClv}) * ({rate}) - ({cost}) * cell_cost_factor");
        }
        var select = columns.Select(d.QuoteIdentifier).Concat(added.Select((e, i) => $"{e} AS {d.QuoteIdentifier(scores.Columns[i])}"));
        return $"SELECT {string.Join(", ", select)} FROM {features} {d.LeftJoin} {cells} USING ({string.Join(", ", Keys)})";
    }
}
