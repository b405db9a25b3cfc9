using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Campaigns;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Campaigns;

/// <summary>A registered campaign.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Start">First day of the campaign.</param>
/// <param name="Segment">Targeted segment (informational), if given.</param>
/// <param name="Action">Action taken (informational), if given.</param>
/// <param name="Treated">Treated customers.</param>
/// <param name="Control">Control customers.</param>
public sealed record CampaignInfo(string Name, DateOnly Start, string? Segment, string? Action, long Treated, long Control);

/// <summary>
/// Campaigns in the store: <c>campaigns(name, start_date, segment, action, created_at)</c> and
/// <c>campaign_members(name, customer_id, grp)</c> with grp <c>treated</c> or <c>control</c>. Each change is one transaction.
/// </summary>
/// <param name="connection">An open store connection; the caller owns it.</param>
public sealed class CampaignStore(DuckDBConnection connection)
{
    private readonly SnapshotStore _sql = new(connection);

    /// <summary>Registers a campaign with its target customers (all treated until a holdout is drawn).</summary>
    /// <exception cref="SegmentaInputException">The name is taken or the list is empty.</exception>
    public CampaignInfo Register(string name, DateOnly start, IReadOnlyCollection<string> customers, string? segment = null, string? action = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(customers);
        EnsureSchema();
        if (Find(name) is not null)
            throw new SegmentaInputException($"campaign \"{name}\" is already registered: choose another --name. / 活动 \"{name}\" 已存在，请换一个名称。");
        if (customers.Count == 0)
            throw new SegmentaInputException($"campaign \"{name}\": the customer list is empty. / 客户名单为空。");
        _sql.Execute("BEGIN TRANSACTION");
        try
        {
            _sql.Execute($"INSERT INTO campaigns VALUES ({SnapshotStore.Text(name)}, {SnapshotStore.Date(start)}, {Nullable(segment)}, {Nullable(action)}, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))");
            using (var appender = connection.CreateAppender("campaign_members"))
            {
                foreach (var id in customers.Distinct(StringComparer.Ordinal))
                    appender.CreateRow().AppendValue(name).AppendValue(id).AppendValue("treated").EndRow();
            }
            _sql.Execute("COMMIT");
        }
        catch
        {
            _sql.Execute("ROLLBACK");
            throw;
        }
        return Require(name);
    }

    /// <summary>
    /// Holds out a seeded random share of the campaign's customers as control (<see cref="Holdout"/>), stratified by
    /// their segment in <paramref name="strata"/> when given; replaces any earlier control group.
    /// </summary>
    public CampaignInfo DrawHoldout(string name, double share, int seed, IReadOnlyDictionary<string, string>? strata = null)
    {
        var members = Members(Require(name).Name);
        var target = members.Keys.ToDictionary(id => id, id => strata is not null && strata.TryGetValue(id, out var s) ? s : "", StringComparer.Ordinal);
        var control = Holdout.Draw(target, share, seed);
        return SetControl(name, control, addMissing: false);
    }

    /// <summary>Sets the control group to <paramref name="control"/>: listed members become control, unlisted customers are added as control.</summary>
    public CampaignInfo SetControl(string name, IReadOnlyCollection<string> control, bool addMissing = true)
    {
        ArgumentNullException.ThrowIfNull(control);
        Require(name);
        _sql.Execute("BEGIN TRANSACTION");
        try
        {
            _sql.Execute($"UPDATE campaign_members SET grp = 'treated' WHERE name = {SnapshotStore.Text(name)}");
            _sql.Execute("CREATE OR REPLACE TEMP TABLE campaign_control_ids (customer_id VARCHAR)");
            using (var appender = connection.CreateAppender("campaign_control_ids"))
            {
                foreach (var id in control.Distinct(StringComparer.Ordinal)) appender.CreateRow().AppendValue(id).EndRow();
            }
            _sql.Execute($"UPDATE campaign_members SET grp = 'control' WHERE name = {SnapshotStore.Text(name)} AND customer_id IN (SELECT customer_id FROM campaign_control_ids)");
            if (addMissing)
                _sql.Execute($"INSERT INTO campaign_members SELECT {SnapshotStore.Text(name)}, customer_id, 'control' FROM campaign_control_ids WHERE customer_id NOT IN (SELECT customer_id FROM campaign_members WHERE name = {SnapshotStore.Text(name)})");
            _sql.Execute("DROP TABLE campaign_control_ids");
            _sql.Execute("COMMIT");
        }
        catch
        {
            _sql.Execute("ROLLBACK");
            throw;
        }
        return Require(name);
    }

    /// <summary>
    /// Per-member orders and revenue in the pre-period [start − w, start) and the window [start, start + w) from the
    /// store's <c>transactions</c>; orders are distinct order ids (or rows without an order id column).
    /// </summary>
    public IReadOnlyList<CampaignCustomer> Outcomes(string name, int windowDays, IReadOnlyDictionary<string, string>? segments = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var info = Require(name);
        var engine = new DuckDbEngine(connection);
        if (!engine.TableExists(DuckDbEngine.TransactionsTable))
            throw new SegmentaInputException("No transactions in the store: give --input FILE or run segmenta import first. / 数据库中没有交易数据。");
        var order = engine.TableColumns(DuckDbEngine.TransactionsTable).Contains("order_id") ? "coalesce(CAST(t.order_id AS VARCHAR), CAST(t.src_row AS VARCHAR))" : "CAST(t.src_row AS VARCHAR)";
        var preStart = SnapshotStore.Date(info.Start.AddDays(-windowDays));
        var start = SnapshotStore.Date(info.Start);
        var end = SnapshotStore.Date(info.Start.AddDays(windowDays));
        var result = new List<CampaignCustomer>();
        using var reader = _sql.Query($"""
            SELECT m.customer_id, m.grp,
              count(DISTINCT {order}) FILTER (WHERE t.order_date >= {preStart} AND t.order_date < {start}),
              CAST(coalesce(sum(t.amount) FILTER (WHERE t.order_date >= {preStart} AND t.order_date < {start}), 0) AS DECIMAL(38,4)),
              count(DISTINCT {order}) FILTER (WHERE t.order_date >= {start} AND t.order_date < {end}),
              CAST(coalesce(sum(t.amount) FILTER (WHERE t.order_date >= {start} AND t.order_date < {end}), 0) AS DECIMAL(38,4))
            FROM campaign_members m LEFT JOIN {DuckDbEngine.TransactionsTable} t ON CAST(t.customer_id AS VARCHAR) = m.customer_id
            WHERE m.name = {SnapshotStore.Text(name)}
            GROUP BY 1, 2 ORDER BY 1
            """);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            result.Add(new CampaignCustomer(id, reader.GetString(1) == "treated",
                segments is not null && segments.TryGetValue(id, out var s) ? s : "",
                reader.GetInt64(2), reader.GetDecimal(3), reader.GetInt64(4), reader.GetDecimal(5)));
        }
        return result;
    }

    /// <summary>The campaign called <paramref name="name"/>.</summary>
    /// <exception cref="SegmentaInputException">No such campaign.</exception>
    public CampaignInfo Require(string name) => Find(name)
        ?? throw new SegmentaInputException($"campaign \"{name}\" is not registered: run segmenta campaign register first. / 活动 \"{name}\" 未登记。");

    private CampaignInfo? Find(string name)
    {
        EnsureSchema();
        using var reader = _sql.Query($"""
            SELECT c.name, c.start_date, c.segment, c.action,
              (SELECT count(*) FROM campaign_members m WHERE m.name = c.name AND m.grp = 'treated'),
              (SELECT count(*) FROM campaign_members m WHERE m.name = c.name AND m.grp = 'control')
            FROM campaigns c WHERE c.name = {SnapshotStore.Text(name)}
            """);
        if (!reader.Read()) return null;
        return new CampaignInfo(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    private Dictionary<string, string> Members(string name)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = _sql.Query($"SELECT customer_id, grp FROM campaign_members WHERE name = {SnapshotStore.Text(name)}");
        while (reader.Read()) members[reader.GetString(0)] = reader.GetString(1);
        return members;
    }

    private void EnsureSchema() => _sql.Execute("""
        CREATE TABLE IF NOT EXISTS campaigns (name VARCHAR NOT NULL, start_date DATE NOT NULL, segment VARCHAR, action VARCHAR, created_at TIMESTAMP);
        CREATE TABLE IF NOT EXISTS campaign_members (name VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, grp VARCHAR NOT NULL);
        """);

    private static string Nullable(string? text) => text is null ? "NULL" : SnapshotStore.Text(text);

    /// <summary>Reads customer ids from a CSV file: the <c>customer_id</c> column (or 客户编号 …, else the first column).</summary>
    /// <exception cref="SegmentaInputException">Missing file or an empty id, with its row.</exception>
    public static IReadOnlyList<string> ReadCustomerList(string path)
    {
        if (!File.Exists(path)) throw new SegmentaInputException($"{path}: file not found. / 找不到文件 {path}。");
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(path, detectEncodingFromByteOrderMarks: true));
        var column = 0;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var header = reader.GetName(i).Trim().ToLowerInvariant();
            if (header is "customer_id" or "customer" or "客户编号" or "客户id" or "会员id" or "用户id") column = i;
        }
        var ids = new List<string>();
        var row = 1;
        while (reader.Read())
        {
            row++;
            var id = reader.GetString(column).Trim();
            if (id.Length == 0)
                throw new SegmentaInputException($"{path} row {row.ToString(CultureInfo.InvariantCulture)}, column \"{reader.GetName(column)}\": empty customer id. Remove the row or fill in the id. / 客户编号为空。");
            ids.Add(id);
        }
        return ids;
    }
}
