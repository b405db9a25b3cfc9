namespace Segmenta.Data.Sql;

/// <summary>Maps an engine's type name (DuckDB, PostgreSQL or ClickHouse spelling) to a <see cref="ColumnKind"/>.</summary>
internal static class ColumnKinds
{
    public static ColumnKind FromTypeName(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var t = Unwrap(typeName.Trim()).ToUpperInvariant();
        // DuckDB's ENUM('a', 'b') (segment columns): text, whatever its values spell ('important…' contains INT).
        if (t.StartsWith("ENUM", StringComparison.Ordinal)) return ColumnKind.Text;
        if (t.StartsWith("DECIMAL", StringComparison.Ordinal) || t.StartsWith("NUMERIC", StringComparison.Ordinal)) return ColumnKind.Decimal;
        if (t is "DOUBLE" or "FLOAT" or "REAL" or "FLOAT64" or "FLOAT32" or "DOUBLE PRECISION" or "FLOAT8" or "FLOAT4") return ColumnKind.Double;
        if (t is "DATE" or "DATE32") return ColumnKind.Date;
        if (t is "BOOLEAN" or "BOOL") return ColumnKind.Boolean;
        if (t is "VARCHAR" or "TEXT" or "STRING" or "CHARACTER VARYING" || t.StartsWith("FIXEDSTRING", StringComparison.Ordinal)
            || t.StartsWith("VARCHAR", StringComparison.Ordinal) || t.StartsWith("CHARACTER", StringComparison.Ordinal)) return ColumnKind.Text;
        if (t.Contains("INT", StringComparison.Ordinal) && !t.Contains("INTERVAL", StringComparison.Ordinal)) return ColumnKind.Integer;
        return ColumnKind.Unknown;
    }

    /// <summary>The rule-language type of a column kind (unknown types are text, as on DuckDB).</summary>
    public static Core.Schemes.Rules.FeatureType ToFeatureType(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => Core.Schemes.Rules.FeatureType.Boolean,
        ColumnKind.Date => Core.Schemes.Rules.FeatureType.Date,
        ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.Double => Core.Schemes.Rules.FeatureType.Number,
        _ => Core.Schemes.Rules.FeatureType.Text,
    };

    /// <summary>ClickHouse wrappers that do not change the value kind: Nullable(T), LowCardinality(T).</summary>
    private static string Unwrap(string t)
    {
        foreach (var wrapper in new[] { "Nullable(", "LowCardinality(" })
        {
            if (t.StartsWith(wrapper, StringComparison.Ordinal) && t.EndsWith(')'))
                return Unwrap(t[wrapper.Length..^1]);
        }
        return t;
    }
}
