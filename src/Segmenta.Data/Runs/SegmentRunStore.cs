using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes.Reasons;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Runs;

/// <summary>
/// Keeps, next to <c>customer_segments</c>, what the last segment run needs to be explained later: its as-of date and
/// each scheme's <see cref="SchemeExplanation"/> (labels, rules with values, playbooks) as JSON. Read by
/// <c>segmenta actions</c> and <c>segmenta customer show</c>; replaced by every run.
/// </summary>
public static class SegmentRunStore
{
    /// <summary>One row: the last run's as-of date, customers and engine.</summary>
    public const string RunTable = "segment_run";

    /// <summary>One row per scheme of the last run, in run order, with its explanation as JSON.</summary>
    public const string SchemesTable = "segment_run_schemes";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Stores the run's explanations (replacing the previous run's).</summary>
    public static void Save(DuckDBConnection connection, SegmentationResult result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(result);
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"CREATE OR REPLACE TABLE {RunTable} (as_of DATE, customers BIGINT, engine VARCHAR)");
        Execute(connection, $"INSERT INTO {RunTable} VALUES (?, ?, ?)", result.Features.AsOf, result.Features.Customers, result.Engine);
        Execute(connection, $"CREATE OR REPLACE TABLE {SchemesTable} (position INTEGER, scheme VARCHAR, kind VARCHAR, source VARCHAR, explanation VARCHAR)");
        for (var i = 0; i < result.Explanations.Count; i++)
        {
            var e = result.Explanations[i];
            Execute(connection, $"INSERT INTO {SchemesTable} VALUES (?, ?, ?, ?, ?)", i, e.Scheme, e.Kind, e.Source, JsonSerializer.Serialize(e, Json));
        }
        transaction.Commit();
    }

    /// <summary>The last run of the store.</summary>
    /// <exception cref="SegmentaInputException">The store has no segment run.</exception>
    public static StoredRun Load(DuckDBConnection connection, string storeName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var engine = new DuckDbEngine(connection);
        if (!engine.TableExists(RunTable) || !engine.TableExists(SchemesTable) || !engine.TableExists(DuckDbEngine.SegmentsTable))
            throw new SegmentaInputException($"{storeName}: no segment run in this store — run \"segmenta segment --input FILE --db {storeName}\" first (with --scheme NAME for your schemes).");
        DateOnly asOf;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT as_of FROM {RunTable} LIMIT 1";
            using var reader = cmd.ExecuteReader();
            if (!reader.Read()) throw new SegmentaInputException($"{storeName}: the segment run record is empty — run segmenta segment again.");
            asOf = reader.GetFieldValue<DateOnly>(0);
        }
        var schemes = new List<SchemeExplanation>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT explanation FROM {SchemesTable} ORDER BY position";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                schemes.Add(JsonSerializer.Deserialize<SchemeExplanation>(reader.GetString(0), Json)!);
        }
        return new StoredRun(asOf, schemes);
    }

    private static void Execute(DuckDBConnection connection, string sql, params object[] values)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var v in values) cmd.Parameters.Add(new DuckDBParameter(v));
        cmd.ExecuteNonQuery();
    }
}

/// <summary>The last segment run of a store: its as-of date and every scheme's explanation.</summary>
/// <param name="AsOf">The as-of date of the run.</param>
/// <param name="Schemes">Schemes in run order (built-ins first).</param>
public sealed record StoredRun(DateOnly AsOf, IReadOnlyList<SchemeExplanation> Schemes)
{
    /// <summary>The scheme named <paramref name="name"/>.</summary>
    /// <exception cref="SegmentaInputException">The run has no such scheme ("did you mean").</exception>
    public SchemeExplanation Scheme(string name) =>
        Schemes.FirstOrDefault(s => s.Scheme == name || s.SegmentColumn == name)
        ?? throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
            $"--scheme {name}: the last segment run has no such scheme{Core.Schemes.NameSuggestions.DidYouMean(name, Schemes.Select(s => s.Scheme))} (it has {string.Join(", ", Schemes.Select(s => s.Scheme))}) — run segmenta segment --scheme {name} first"));
}
