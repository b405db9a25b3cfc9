using Segmenta.Data.Sql;

namespace Segmenta.Data.Snapshots;

/// <summary>
/// What <see cref="ServerSnapshotStore"/> needs from a server engine: small statements and results on the metadata
/// node, and per-customer tables created and read where the customers live (PostgreSQL: the schema; ClickHouse: the
/// local table on every shard, under a Distributed table). Only the dialect differences live in the implementations.
/// </summary>
internal interface ISnapshotBackend
{
    /// <summary>The engine's SQL dialect.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Engine name recorded in the header (<c>postgres</c>, <c>clickhouse</c>).</summary>
    string EngineName { get; }

    /// <summary>A metadata table (header), qualified.</summary>
    string MetaTable(string name);

    /// <summary>A per-customer table for a population query (PostgreSQL: the table; ClickHouse: the Distributed table).</summary>
    string Table(string name);

    /// <summary>Creates the header table if missing: columns given as (name, type) in the engine's types.</summary>
    Task EnsureMetaTableAsync(string name, IReadOnlyList<(string Name, SqlType Type)> columns, CancellationToken cancellationToken);

    /// <summary>Runs a statement on the metadata node.</summary>
    Task ExecuteAsync(string sql, CancellationToken cancellationToken);

    /// <summary>A small query's rows as invariant text (null for NULL), on the metadata node.</summary>
    Task<List<string?[]>> RowsAsync(string sql, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a per-customer query where the customers live and returns the rows of every part (PostgreSQL: one
    /// query; ClickHouse: the query on each shard over its local tables). <paramref name="sql"/> gets the function naming a
    /// per-customer table for that local read; the caller merges the parts (they are small: aggregates, limited rows).
    /// </summary>
    Task<List<string?[]>> RowsPerShardAsync(Func<Func<string, string>, string> sql, CancellationToken cancellationToken);

    /// <summary>Creates per-customer table <paramref name="name"/> (replacing it) as <c>SELECT</c>, inside the engine, shard by shard.</summary>
    Task CreatePerCustomerAsync(string name, Func<Func<string, string>, string> select, CancellationToken cancellationToken);

    /// <summary>Appends rows of a <c>SELECT</c> to per-customer table <paramref name="name"/>, inside the engine, shard by shard.</summary>
    Task InsertPerCustomerAsync(string name, Func<Func<string, string>, string> select, CancellationToken cancellationToken);

    /// <summary>Drops a per-customer table if it exists.</summary>
    Task DropPerCustomerAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of metadata table <paramref name="name"/> matching <paramref name="where"/>; the rows are gone when it returns.</summary>
    Task DeleteMetaRowsAsync(string name, string where, CancellationToken cancellationToken);

    /// <summary>The column names of per-customer table <paramref name="name"/>, in order.</summary>
    Task<IReadOnlyList<string>> ColumnsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Names of the per-customer tables starting with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> TablesAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="InTransactionAsync"/> makes the whole save atomic (PostgreSQL) or not (ClickHouse).</summary>
    bool Transactional { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction where the engine has them, else as it is.</summary>
    Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken);

    /// <summary>
    /// The engine-independent row hash of a text expression: the first 32 bits of its MD5 as a non-negative 64-bit integer
    /// (PostgreSQL <c>md5</c>, ClickHouse <c>halfMD5</c> >> 32; the same number as <see cref="ServerSnapshotStore.RowHash"/>).
    /// </summary>
    string Hash32(string textExpr);

    /// <summary>A value as non-null text: NULL becomes the empty string.</summary>
    string TextOrEmpty(string expr);

    /// <summary>String concatenation of the parts.</summary>
    string Concat(params string[] parts);

    /// <summary>The join keyword for a full outer join that keeps both sides' unmatched rows (used with <c>USING (customer_id)</c>).</summary>
    string FullJoin { get; }
}
