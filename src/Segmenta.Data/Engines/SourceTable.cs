using System.Globalization;
using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Data.Import;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Engines;

/// <summary>
/// Reading transactions from a table or view that already lives on the server (<c>--table orders</c>): its columns
/// are matched to roles exactly like a file's headers (<c>--map</c> first, then the English and Chinese names), then
/// one SELECT per dialect casts them to the transactions shape. Rows without a customer, a date or an amount are
/// rejected (counted by reason); every other row is used.
/// </summary>
internal sealed class SourceTable
{
    private readonly ColumnPlan _plan;
    private readonly Dictionary<string, ColumnKind> _kinds;

    public SourceTable(string name, IReadOnlyList<(string Name, ColumnKind Kind)> columns, IReadOnlyDictionary<string, string> columnMap)
    {
        Name = name;
        if (columns.Count == 0)
            throw new SegmentaInputException($"Table {name}: not found or has no columns. Check --table (schema.table) and that the user may read it.");
        _kinds = columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        _plan = HeaderMatcher.Match([.. columns.Select(c => c.Name)], ImportKind.Transactions, columnMap, "table " + name);
        Headers = [.. columns.Select(c => c.Name)];
    }

    /// <summary>The table as the user named it.</summary>
    public string Name { get; }

    private IReadOnlyList<string> Headers { get; }

    /// <summary>The attribute columns (region, industry, channel, city) the table fills.</summary>
    public IReadOnlyList<string> Attributes => [.. ColumnRoles.Attributes.Where(r => _plan.For(r) is not null).Select(r => r.Column)];

    /// <summary>Role → source column actually used.</summary>
    public IReadOnlyDictionary<string, string> Mapping => _plan.Mapped.ToDictionary(m => m.Role.Name, m => m.Header);

    /// <summary>The SELECT giving the transactions shape (customer_id, order_date, amount, optional columns, attributes) over <paramref name="from"/>.</summary>
    public string Select(SqlDialect d, string from)
    {
        string Source(ColumnRole role) => d.QuoteIdentifier(_plan.For(role)!.Header);
        string Text(ColumnRole role) => _plan.For(role) is null ? d.NullOf(SqlType.Text) : d.Cast(Source(role), SqlType.Text);
        string Money(ColumnRole role) => _plan.For(role) is null ? d.NullOf(SqlType.Money) : d.MoneyFrom(Source(role), _kinds[_plan.For(role)!.Header]);
        var list = new List<string>
        {
            d.Cast(Source(ColumnRoles.Customer), SqlType.Text) + " AS customer_id",
            d.Cast(Source(ColumnRoles.Date), SqlType.Date) + " AS order_date",
            Money(ColumnRoles.Amount) + " AS amount",
            Text(ColumnRoles.Order) + " AS order_id",
            Text(ColumnRoles.Product) + " AS product_id",
            (_plan.For(ColumnRoles.Quantity) is null ? d.NullOf(SqlType.Double) : d.ToDouble(Source(ColumnRoles.Quantity))) + " AS quantity",
            Money(ColumnRoles.Cost) + " AS cost",
            Text(ColumnRoles.Category) + " AS category",
        };
        list.AddRange(ColumnRoles.Attributes.Where(r => _plan.For(r) is not null).Select(r => Text(r) + " AS " + d.QuoteIdentifier(r.Column)));
        return $"SELECT {string.Join(", ", list)} FROM {from} WHERE {Accepted(d)}";
    }

    /// <summary>The condition of an accepted row.</summary>
    private string Accepted(SqlDialect d) =>
        string.Join(" AND ", new[] { ColumnRoles.Customer, ColumnRoles.Date, ColumnRoles.Amount }.Select(r => d.QuoteIdentifier(_plan.For(r)!.Header) + " IS NOT NULL"));

    /// <summary>One row: rows read, missing customer, missing date, missing amount (first failing check counts).</summary>
    public string CountSql(SqlDialect d, string from)
    {
        var c = d.QuoteIdentifier(_plan.For(ColumnRoles.Customer)!.Header);
        var dt = d.QuoteIdentifier(_plan.For(ColumnRoles.Date)!.Header);
        var a = d.QuoteIdentifier(_plan.For(ColumnRoles.Amount)!.Header);
        return $"SELECT {d.CountRows()}, {d.CountIf(c + " IS NULL")}, {d.CountIf(c + " IS NOT NULL AND " + dt + " IS NULL")}, " +
               $"{d.CountIf(c + " IS NOT NULL AND " + dt + " IS NOT NULL AND " + a + " IS NULL")} FROM {from}";
    }

    /// <summary>The load report from the counts of <see cref="CountSql"/>.</summary>
    public LoadReport Report(long read, long missingCustomer, long missingDate, long missingAmount)
    {
        var byReason = new Dictionary<string, long>(StringComparer.Ordinal);
        if (missingCustomer > 0) byReason[RejectReason.MissingCustomer] = missingCustomer;
        if (missingDate > 0) byReason[RejectReason.MissingDate] = missingDate;
        if (missingAmount > 0) byReason[RejectReason.MissingAmount] = missingAmount;
        var rejected = missingCustomer + missingDate + missingAmount;
        if (read == 0)
            throw new SegmentaInputException($"Table {Name} has no rows. Check --table.");
        return new LoadReport(Name, read, read - rejected, rejected, byReason, 0, 0, Mapping, null, null)
        {
            AttributeColumns = Attributes,
            IgnoredColumns = [.. Headers.Where(h => _plan.Mapped.All(m => m.Header != h))],
            Table = "transactions",
            Format = "table",
        };
    }

    /// <summary>A user-given table name (optionally schema- or database-qualified) quoted part by part.</summary>
    public static string Quote(SqlDialect d, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var parts = name.Split('.');
        if (parts.Any(string.IsNullOrWhiteSpace) || parts.Length > 2)
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture, $"--table \"{name}\": give a table name or schema.table."));
        return string.Join(".", parts.Select(d.QuoteIdentifier));
    }
}
