using Npgsql;
using NpgsqlTypes;
using Segmenta.Core.Pipelines;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Postgres;

/// <summary><c>--clv</c> by sufficient-statistic cells: only cells leave the server and only the cell table comes back (docs/scale.md).</summary>
public sealed partial class PostgresEngine : IClvCellEngine
{
    /// <inheritdoc />
    public async Task<ClvCells> ReadClvCellsAsync(CancellationToken cancellationToken)
    {
        var profit = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).ContainsKey(Core.Customers.FeatureNames.GrossMargin);
        return await ClvCellSql.ReadAsync(Dialect, T(DuckDbEngine.FeaturesTable), profit, async sql =>
        {
            var rows = new List<object?[]>();
            await ReadEachAsync(sql, r =>
            {
                var row = new object?[r.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
                rows.Add(row);
            }, cancellationToken).ConfigureAwait(false);
            return rows;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AddClvScoresAsync(ClvCellScores scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await DropRelationAsync(ClvCellSql.Table, cancellationToken).ConfigureAwait(false);
        var columns = ClvCellSql.Keys.Select(k => k + " BIGINT").Concat(ClvCellSql.Values.Select(v => v + " DOUBLE PRECISION"));
        await ExecuteAsync($"CREATE UNLOGGED TABLE {T(ClvCellSql.Table)} ({string.Join(", ", columns)})", cancellationToken).ConfigureAwait(false);
        await Guard(async () =>
        {
            var names = string.Join(", ", ClvCellSql.Keys.Concat(ClvCellSql.Values));
            await using var writer = await Connection.BeginBinaryImportAsync($"COPY {T(ClvCellSql.Table)} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < scores.Length; i++)
            {
                var (key, values) = ClvCellSql.Row(scores, i);
                writer.StartRow();
                foreach (var k in key) writer.Write(k, NpgsqlDbType.Bigint);
                foreach (var v in values)
                {
                    if (v is { } value) writer.Write(value, NpgsqlDbType.Double);
                    else writer.WriteNull();
                }
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var existing = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).Keys.ToList();
        await ReplaceFeaturesAsync(ClvCellSql.Scored(Dialect, T(DuckDbEngine.FeaturesTable), existing, T(ClvCellSql.Table), scores), cancellationToken).ConfigureAwait(false);
        await DropRelationAsync(ClvCellSql.Table, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadEachAsync(string sql, Action<NpgsqlDataReader> onRow, CancellationToken cancellationToken)
    {
        await using var cmd = Command(sql);
        await using var reader = await ReaderAsync(cmd, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) onRow(reader);
    }
}
