using System.Text;
using Segmenta.Core.Pipelines;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.ClickHouse;

/// <summary>
/// <c>--clv</c> by sufficient-statistic cells: the shards answer the cell aggregates through the Distributed table
/// (partial GROUP BYs), and the cell table is copied to every shard, where a local join adds the CLV columns to that
/// shard's customers. No per-customer row crosses the network (docs/scale.md).
/// </summary>
public sealed partial class ClickHouseEngine : IClvCellEngine
{
    /// <inheritdoc />
    public async Task<ClvCells> ReadClvCellsAsync(CancellationToken cancellationToken)
    {
        var profit = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).ContainsKey(Core.Customers.FeatureNames.GrossMargin);
        return await ClvCellSql.ReadAsync(Dialect, Dist(DuckDbEngine.FeaturesTable), profit,
            async sql => [.. await Guard(() => First.RowsAsync(sql, Settings, cancellationToken)).ConfigureAwait(false)]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AddClvScoresAsync(ClvCellScores scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var keyTypes = (await Guard(() => First.RowsAsync($"SELECT name, type FROM system.columns WHERE database = {Dialect.StringLiteral(_source.Database)} AND table = {Dialect.StringLiteral(DuckDbEngine.FeaturesTable + "_local")}", "", cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r[0]!, r => r[1]!, StringComparer.Ordinal);
        // Doubles travel as their IEEE bits (see AddFeatureColumnsAsync): the cell values must be the same doubles as on DuckDB.
        var ddl = ClvCellSql.Keys.Select(k => $"{k} {keyTypes[k]}").Concat(ClvCellSql.Values.Select(v => $"bits_{v} Nullable(Int64)"));
        var sb = new StringBuilder();
        for (var i = 0; i < scores.Length; i++)
        {
            var (key, values) = ClvCellSql.Row(scores, i);
            sb.AppendJoin('\t', key);
            foreach (var v in values)
            {
                sb.Append('\t');
                Tsv.Append(sb, v is { } value ? BitConverter.DoubleToInt64Bits(value) : null);
            }
            sb.Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var cells = Local(ClvCellSql.Table);
        var insert = $"INSERT INTO {cells} ({string.Join(", ", ClvCellSql.Keys.Concat(ClvCellSql.Values.Select(v => "bits_" + v)))})";
        await OnEachNodeAsync(async n =>
        {
            await n.ExecuteAsync($"DROP TABLE IF EXISTS {cells}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"CREATE TABLE {cells} ({string.Join(", ", ddl)}) ENGINE = MergeTree() ORDER BY ({string.Join(", ", ClvCellSql.Keys)})", Settings, cancellationToken).ConfigureAwait(false);
            await n.InsertAsync(insert, bytes, bytes.Length, "", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var decoded = ClvCellSql.Keys.Concat(ClvCellSql.Values.Select(v => $"reinterpretAsFloat64(reinterpretAsString(bits_{v})) AS {v}"));
        var existing = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).Keys.ToList();
        var select = ClvCellSql.Scored(Dialect, Local(DuckDbEngine.FeaturesTable), existing, $"(SELECT {string.Join(", ", decoded)} FROM {cells})", scores);
        await ReplaceFeaturesAsync(select, null, cancellationToken).ConfigureAwait(false);
        await OnEachNodeAsync(n => n.ExecuteAsync($"DROP TABLE IF EXISTS {cells}", Settings, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Result rows and TabSeparated characters received from the cluster so far (every node), for measuring transfers.</summary>
    internal (long Rows, long Chars) Received => (_nodes.Sum(n => n.RowsReceived), _nodes.Sum(n => n.CharsReceived));
}
