using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Schemes;

/// <summary>The feature schema of a store's last run, for validating scheme files against real data (<c>schemes validate --db</c>).</summary>
public static class StoreSchema
{
    /// <summary>
    /// The columns of <c>customer_segments</c> (features, attributes, model features and every scheme's columns) with
    /// their types, or of <c>customer_features</c> when no scheme ran yet; segment columns of built-ins are included.
    /// </summary>
    /// <exception cref="SegmentaInputException">The store has no features: nothing was segmented in it yet.</exception>
    public static FeatureSchema Read(DuckDBConnection connection, string storeName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var engine = new DuckDbEngine(connection);
        var table = engine.TableExists(DuckDbEngine.SegmentsTable) ? DuckDbEngine.SegmentsTable
            : engine.TableExists(DuckDbEngine.FeaturesTable) ? DuckDbEngine.FeaturesTable
            : throw new SegmentaInputException($"--db {storeName}: the store has no customer features yet — run segmenta segment --input FILE --db {storeName} first, or validate without --db");
        var columns = new Dictionary<string, FeatureType>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) columns[reader.GetString(0)] = DuckDbEngine.TypeOf(reader.GetString(1));
        foreach (var c in SchemeCatalog.BuiltInSegmentColumns) columns.TryAdd(c, FeatureType.Text);
        return new FeatureSchema(columns);
    }
}
