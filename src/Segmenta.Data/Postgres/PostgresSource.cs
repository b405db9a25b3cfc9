using Npgsql;
using Segmenta.Core;

namespace Segmenta.Data.Postgres;

/// <summary>
/// Where a PostgreSQL engine runs: <c>postgres://user:password@host:port/database?schema=segmenta</c> or an Npgsql
/// connection string (<c>Host=…;Port=…;Username=…;Database=…</c>). Segmenta's own tables go into the schema
/// (default <c>segmenta</c>), so a user's tables are never touched.
/// </summary>
public sealed record PostgresSource(string ConnectionString, string Schema)
{
    /// <summary>The default schema for Segmenta's tables.</summary>
    public const string DefaultSchema = "segmenta";

    /// <summary>Parses a <c>postgres://</c> URI or an Npgsql connection string.</summary>
    public static PostgresSource Parse(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var schema = DefaultSchema;
        NpgsqlConnectionStringBuilder builder;
        if (source.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri))
                throw new SegmentaInputException($"--source \"{source}\": not a valid URI. Use postgres://user:password@host:port/database.");
            builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
            };
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0]);
                var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
                if (key.Equals("schema", StringComparison.OrdinalIgnoreCase)) schema = value;
                else builder[key] = value;
            }
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(source);
            }
            catch (ArgumentException ex)
            {
                throw new SegmentaInputException($"--source: not a postgres:// URI or connection string ({ex.Message}).", ex);
            }
            if (builder.SearchPath is { Length: > 0 } path) schema = path.Split(',')[0].Trim();
        }
        if (string.IsNullOrWhiteSpace(schema) || schema.Any(c => !(char.IsLetterOrDigit(c) || c == '_')))
            throw new SegmentaInputException($"--source: schema \"{schema}\" must be letters, digits and _ only.");
        return new PostgresSource(builder.ConnectionString, schema);
    }

    /// <summary><c>host:port</c> for messages.</summary>
    public string Address
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{b.Host}:{b.Port}";
        }
    }
}
