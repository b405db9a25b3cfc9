using Segmenta.Core.Ingest;

namespace Segmenta.Data.Import;

/// <summary>
/// Builds the one SQL query that parses and validates every staged row: typed output columns, then
/// <c>_reason</c> (NULL for accepted rows), <c>_raw</c> (the offending raw value) and <c>_hash</c> (for duplicates).
/// </summary>
internal sealed class ParseQuery
{
    /// <summary>Start of the SQL of an output column the file does not have (always NULL; left out of the row hash).</summary>
    private const string NullPrefix = "CAST(NULL AS ";

    private readonly List<(string Name, string Sql)> _outputs = [];
    private readonly List<RowCheck> _checks = [];

    public ParseQuery(ColumnPlan plan, ImportOptions options, int sourceColumns)
    {
        var sep = options.DecimalSeparator;
        string Raw(ColumnRole role) => plan.For(role) is { } m ? Db.Col(m.Index) : NullPrefix + "VARCHAR)";
        string Text(ColumnRole role) => Has(role) ? ValueSql.Text(Raw(role)) : NullPrefix + "VARCHAR)";
        bool Has(ColumnRole role) => plan.For(role) is not null;
        var allNull = sourceColumns == 0 ? "true" : string.Join(" AND ", Enumerable.Range(0, sourceColumns).Select(i => Db.Col(i) + " IS NULL"));
        _checks.Add(new RowCheck("customer_id IS NULL", $"CASE WHEN {allNull} THEN '{RowCheck.Blank}' ELSE '{RejectReason.MissingCustomer}' END",
            [(RowCheck.Blank, null), (RejectReason.MissingCustomer, plan.For(ColumnRoles.Customer))]));

        _outputs.Add(("customer_id", ValueSql.Text(Raw(ColumnRoles.Customer))));
        if (options.Kind == ImportKind.Transactions)
        {
            _outputs.Add(("order_date", ValueSql.Date(Raw(ColumnRoles.Date))));
            _outputs.Add(("amount", ValueSql.Amount(Raw(ColumnRoles.Amount), sep)));
            _outputs.Add(("order_id", Text(ColumnRoles.Order)));
            _outputs.Add(("product_id", Text(ColumnRoles.Product)));
            _outputs.Add(("quantity", Has(ColumnRoles.Quantity) ? ValueSql.Number(Raw(ColumnRoles.Quantity), sep) : NullPrefix + "DOUBLE)"));
            _outputs.Add(("cost", Has(ColumnRoles.Cost) ? ValueSql.Amount(Raw(ColumnRoles.Cost), sep) : NullPrefix + "DECIMAL(18,4))"));
            _outputs.Add(("category", Text(ColumnRoles.Category)));
            foreach (var role in ColumnRoles.Attributes.Where(Has))
            {
                _outputs.Add((role.Column, Text(role)));
            }

            var date = plan.For(ColumnRoles.Date);
            var amount = plan.For(ColumnRoles.Amount);
            _checks.Add(RowCheck.Required(RejectReason.MissingDate, RejectReason.BadDate,
                $"order_date IS NULL OR NOT {ValueSql.IsPlausibleDate("order_date")}", Raw(ColumnRoles.Date), date));
            _checks.Add(RowCheck.Required(RejectReason.MissingAmount, RejectReason.BadAmount, "amount IS NULL", Raw(ColumnRoles.Amount), amount));
            if (Has(ColumnRoles.Quantity))
            {
                _checks.Add(RowCheck.Simple(RejectReason.BadQuantity,
                    $"(quantity IS NULL OR NOT isfinite(quantity)) AND NOT {ValueSql.IsBlank(Raw(ColumnRoles.Quantity))}", plan.For(ColumnRoles.Quantity)));
            }

            if (Has(ColumnRoles.Cost))
            {
                _checks.Add(RowCheck.Simple(RejectReason.BadCost, $"cost IS NULL AND NOT {ValueSql.IsBlank(Raw(ColumnRoles.Cost))}", plan.For(ColumnRoles.Cost)));
            }

            if (options.Returns == ReturnsPolicy.Exclude)
            {
                _checks.Add(RowCheck.Simple(RejectReason.ReturnExcluded, "amount < 0", amount));
            }
        }
        else
        {
            _outputs.Add(("signup_date", ValueSql.Date(Raw(ColumnRoles.SignupDate))));
            foreach (var role in ColumnRoles.Attributes)
            {
                _outputs.Add((role.Column, Text(role)));
            }

            foreach (var extra in plan.Extras)
            {
                _outputs.Add((extra.Column, ValueSql.Text(Db.Col(extra.Index))));
            }

            _checks.Add(RowCheck.Simple(RejectReason.BadSignupDate,
                $"(signup_date IS NULL OR NOT {ValueSql.IsPlausibleDate("signup_date")}) AND NOT {ValueSql.IsBlank(Raw(ColumnRoles.SignupDate))}",
                plan.For(ColumnRoles.SignupDate)));
        }

        SourceColumns = sourceColumns;
    }

    public int SourceColumns { get; }

    /// <summary>The output column names, in table order (without <c>src_row</c>).</summary>
    public IEnumerable<string> OutputColumns => _outputs.Select(o => o.Name);

    /// <summary>The checks, in the order they are tried.</summary>
    public IReadOnlyList<RowCheck> Checks => _checks;

    /// <summary>The SELECT over <paramref name="relation"/> producing the candidate table.</summary>
    public string Sql(string relation)
    {
        var raw = string.Join("", Enumerable.Range(0, SourceColumns).Select(i => ", " + Db.Col(i)));
        var parsed = string.Join(", ", _outputs.Select(o => $"{o.Sql} AS {HeaderText.Quote(o.Name)}"));
        var names = string.Join(", ", _outputs.Select(o => HeaderText.Quote(o.Name)));
        var hashed = string.Join(", ", _outputs.Where(o => !o.Sql.StartsWith(NullPrefix, StringComparison.Ordinal)).Select(o => HeaderText.Quote(o.Name)));
        var reason = "CASE " + string.Join(" ", _checks.Select(c => $"WHEN {c.Condition} THEN {c.CodeSql}")) + " END";
        var rawCase = "CASE _reason " + string.Join(" ", Coded().Select(c => $"WHEN '{c.Code}' THEN {Db.Col(c.Column.Index)}")) + " END";
        return
            $"SELECT src_row, {names}, _reason, {rawCase} AS _raw, hash({hashed}) AS _hash FROM (" +
            $"SELECT *, {reason} AS _reason FROM (" +
            $"SELECT src_row, {parsed}{raw} FROM ({relation})))";
    }

    /// <summary>
    /// The candidate SELECT for a relation whose columns in <paramref name="typed"/> (output name → source column) were
    /// already cast by DuckDB's CSV reader: those outputs are the columns themselves, every other output is parsed as in
    /// <see cref="Sql"/>. A row failing any check gets <c>_reason = 'unchecked'</c> (no code, no raw value): the caller then
    /// falls back to the full parse, which names the reason.
    /// </summary>
    public string TypedSql(string relation, IReadOnlyDictionary<string, string> typed)
    {
        var raw = string.Join("", Enumerable.Range(0, SourceColumns).Select(i => ", " + Db.Col(i)));
        var parsed = string.Join(", ", _outputs.Select(o => $"{typed.GetValueOrDefault(o.Name, o.Sql)} AS {HeaderText.Quote(o.Name)}"));
        var names = string.Join(", ", _outputs.Select(o => HeaderText.Quote(o.Name)));
        var hashed = string.Join(", ", _outputs.Where(o => !o.Sql.StartsWith(NullPrefix, StringComparison.Ordinal)).Select(o => HeaderText.Quote(o.Name)));
        var failed = string.Join(" OR ", _checks.Select(c => $"({c.Condition})"));
        return
            $"SELECT src_row, {names}, CASE WHEN {failed} THEN '{Unchecked}' END AS _reason, CAST(NULL AS VARCHAR) AS _raw, hash({hashed}) AS _hash FROM (" +
            $"SELECT src_row, {parsed}{raw} FROM ({relation}))";
    }

    /// <summary>The <c>_reason</c> of <see cref="TypedSql"/> for a row that needs the full parse.</summary>
    public const string Unchecked = "unchecked";

    /// <summary>SQL giving the source header of the column a reason code concerns.</summary>
    public string ColumnSql() =>
        "CASE _reason " + string.Join(" ", Coded().Select(c => $"WHEN '{c.Code}' THEN {HeaderText.Literal(c.Column.Header)}")) + " END";

    private IEnumerable<(string Code, MappedColumn Column)> Coded() =>
        _checks.SelectMany(c => c.Codes).Where(c => c.Column is not null).Select(c => (c.Code, c.Column!));
}
