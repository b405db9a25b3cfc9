using Npgsql;
using NpgsqlTypes;
using Segmenta.Core.Clv;
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
        var features = T(DuckDbEngine.FeaturesTable);
        var histories = new List<HistoryCell>();
        await ReadEachAsync(ClvCellSql.HistoryCells(Dialect, features), r => histories.Add(new HistoryCell(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3))), cancellationToken).ConfigureAwait(false);
        var spend = new List<SpendHistory>();
        await ReadEachAsync(ClvCellSql.SpendCells(Dialect, features), r => spend.Add(new SpendHistory(r.GetInt64(0), r.GetDouble(1), r.GetInt64(2))), cancellationToken).ConfigureAwait(false);
        (double, double)? profit = null;
        if ((await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).ContainsKey(Core.Customers.FeatureNames.GrossMargin))
        {
            var sums = await RowAsync(ClvCellSql.ProfitSums(Dialect, features), cancellationToken).ConfigureAwait(false);
            profit = ((double?)sums[0] ?? 0, (double?)sums[1] ?? 0);
        }
        return new ClvCells(histories, spend, profit);
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
