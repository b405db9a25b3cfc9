using System.Globalization;
using Segmenta.Core;
using Segmenta.Core.Pipelines;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Engines;

/// <summary>What <see cref="ServerFeatures"/> needs from a server engine; only the dialect and the table layout differ.</summary>
internal interface IServerFeatureHost
{
    /// <summary>The engine's SQL dialect.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Where the run's tables live, for messages (<c>PostgreSQL schema</c>, <c>ClickHouse database</c>).</summary>
    string Location { get; }

    /// <summary>A run table for a population query (PostgreSQL: the table; ClickHouse: the Distributed table).</summary>
    string Population(string table);

    /// <summary>A run table for per-customer work (PostgreSQL: the table; ClickHouse: the shard's local table).</summary>
    string PerShard(string table);

    /// <summary>The columns of a run table (empty when it does not exist).</summary>
    Task<Dictionary<string, ColumnKind>> ColumnKindsAsync(string table, CancellationToken cancellationToken);

    /// <summary>The first row of a small query: typed values (PostgreSQL, dates as <see cref="DateOnly"/>) or invariant text (ClickHouse).</summary>
    Task<object?[]> RowAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Creates the feature table (replacing it) as <paramref name="select"/> over <see cref="PerShard"/> tables.</summary>
    Task CreateFeaturesAsync(string select, CancellationToken cancellationToken);

    /// <summary>Replaces the feature table with <paramref name="select"/>, which may read it.</summary>
    Task ReplaceFeaturesAsync(string select, CancellationToken cancellationToken);
}

/// <summary>The feature build of the server engines, written once: probe, feature SQL, profitability, counts.</summary>
internal static class ServerFeatures
{
    /// <summary>Builds <c>customer_features</c> as of <paramref name="asOf"/> (null: the day after the last transaction).</summary>
    public static async Task<FeatureBuildResult> BuildAsync(IServerFeatureHost host, DateOnly? asOf, ProfitabilityOptions profitability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profitability);
        var d = host.Dialect;
        var columns = await host.ColumnKindsAsync(DuckDbEngine.TransactionsTable, cancellationToken).ConfigureAwait(false);
        if (columns.Count == 0)
            throw new SegmentaInputException($"No transactions in the {host.Location}: give --input FILE or --table TABLE.");
        var probe = await host.RowAsync(EngineSql.Probe(d, host.Population(DuckDbEngine.TransactionsTable), [.. columns.Keys]), cancellationToken).ConfigureAwait(false);
        if (Long(probe[0]) == 0)
            throw new SegmentaInputException("The transactions table is empty: every input row was rejected or the file had no data rows. See the rejects file.");
        var used = asOf ?? Date(probe[1])!.Value.AddDays(1);
        var customers = await host.ColumnKindsAsync(DuckDbEngine.CustomersTable, cancellationToken).ConfigureAwait(false);
        var interactions = (await host.ColumnKindsAsync(DuckDbEngine.InteractionsTable, cancellationToken).ConfigureAwait(false)).Count > 0;
        var surveys = (await host.ColumnKindsAsync(DuckDbEngine.SurveysTable, cancellationToken).ConfigureAwait(false)).Count > 0;
        // Per customer where the customers live (ClickHouse: each shard from its own rows; interactions and surveys are
        // sharded by customer like the transactions, so their joins stay on the shard too).
        var shape = FeatureQuery.ShapeOf(Long(probe[3]) > 0, Long(probe[4]) > 0, Long(probe[5]) > 0, [.. columns.Keys], customers.Keys,
            interactions ? host.PerShard(DuckDbEngine.InteractionsTable) : null, surveys ? host.PerShard(DuckDbEngine.SurveysTable) : null, profitability.UnitCosts);
        var sql = FeatureQuery.Build(d, shape, used, host.PerShard(DuckDbEngine.TransactionsTable), customers.Count > 0 ? host.PerShard(DuckDbEngine.CustomersTable) : null);
        await host.CreateFeaturesAsync(sql, cancellationToken).ConfigureAwait(false);
        if (interactions)
        {
            var rate = ContactFeatureQuery.GivenMarginRate(profitability);
            if (rate is null && shape.HasCost)
            {
                var sums = await host.RowAsync(ContactFeatureQuery.MarginSums(host.Population(DuckDbEngine.FeaturesTable)), cancellationToken).ConfigureAwait(false);
                rate = sums[0] is null || sums[1] is null ? null
                    : ContactFeatureQuery.PopulationMarginRate(Convert.ToDecimal(sums[0], CultureInfo.InvariantCulture), Convert.ToDecimal(sums[1], CultureInfo.InvariantCulture));
            }
            var featureNames = (await host.ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).Keys.ToList();
            await host.ReplaceFeaturesAsync(ContactFeatureQuery.Profit(d, host.PerShard(DuckDbEngine.FeaturesTable), featureNames, rate), cancellationToken).ConfigureAwait(false);
        }
        var n = await host.RowAsync($"SELECT {d.CountRows()} FROM {host.Population(DuckDbEngine.FeaturesTable)}", cancellationToken).ConfigureAwait(false);
        var counts = await host.RowAsync(EngineSql.AsOfCounts(d, host.Population(DuckDbEngine.TransactionsTable), used), cancellationToken).ConfigureAwait(false);
        var within = Long(counts[0]) > 0;
        var featureColumns = await host.ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        return new FeatureBuildResult(used, Long(n[0]), Long(counts[0]), Long(counts[1]),
            within ? Date(counts[2]) : null, within ? Date(counts[3]) : null, [.. featureColumns.Keys]);
    }

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static DateOnly? Date(object? value) => value switch
    {
        DateOnly date => date,
        string s when s != "0000-00-00" => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };
}
