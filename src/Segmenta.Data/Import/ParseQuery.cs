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

    /// <summary>Range of a Net Promoter Score answer (Reichheld 2003: "how likely … to recommend", 0–10).</summary>
    public const int MinNps = 0, MaxNps = 10;

    /// <summary>Range of a customer-satisfaction answer (five-point scale).</summary>
    public const int MinCsat = 1, MaxCsat = 5;

    private readonly List<(string Name, string Sql)> _outputs = [];
    private readonly List<RowCheck> _checks = [];

    public ParseQuery(ColumnPlan plan, ImportOptions options, int sourceColumns)
    {
        var context = new Context(plan, options.DecimalSeparator);
        var allNull = sourceColumns == 0 ? "true" : string.Join(" AND ", Enumerable.Range(0, sourceColumns).Select(i => Db.Col(i) + " IS NULL"));
        if (sourceColumns > 0)
        {
            _checks.Add(TotalsRow.Check(plan));
        }

        _checks.Add(new RowCheck("customer_id IS NULL", $"CASE WHEN {allNull} THEN '{RowCheck.Blank}' ELSE '{RejectReason.MissingCustomer}' END",
            [(RowCheck.Blank, null), (RejectReason.MissingCustomer, plan.For(ColumnRoles.Customer))]));

        _outputs.Add(("customer_id", ValueSql.Text(context.Raw(ColumnRoles.Customer))));
        switch (options.Kind)
        {
            case ImportKind.Transactions:
                AddTransactions(context, options);
                break;
            case ImportKind.Interactions:
                AddInteractions(context);
                break;
            case ImportKind.Surveys:
                AddSurveys(context);
                break;
            default:
                AddCustomers(context);
                break;
        }

        SourceColumns = sourceColumns;
    }

    /// <summary>Raw and parsed SQL of the roles of one file.</summary>
    private sealed class Context(ColumnPlan plan, char separator)
    {
        public ColumnPlan Plan { get; } = plan;

        public char Separator { get; } = separator;

        public bool Has(ColumnRole role) => Plan.For(role) is not null;

        public MappedColumn? Column(ColumnRole role) => Plan.For(role);

        public string Raw(ColumnRole role) => Plan.For(role) is { } m ? Db.Col(m.Index) : NullPrefix + "VARCHAR)";

        public string Text(ColumnRole role) => Has(role) ? ValueSql.Text(Raw(role)) : NullPrefix + "VARCHAR)";

        public string Blank(ColumnRole role) => ValueSql.IsBlank(Raw(role));
    }

    private void AddTransactions(Context c, ImportOptions options)
    {
        _outputs.Add(("order_date", ValueSql.Date(c.Raw(ColumnRoles.Date))));
        _outputs.Add(("amount", ValueSql.Amount(c.Raw(ColumnRoles.Amount), c.Separator)));
        _outputs.Add(("order_id", c.Text(ColumnRoles.Order)));
        _outputs.Add(("product_id", c.Text(ColumnRoles.Product)));
        _outputs.Add(("quantity", c.Has(ColumnRoles.Quantity) ? ValueSql.Number(c.Raw(ColumnRoles.Quantity), c.Separator) : NullPrefix + "DOUBLE)"));
        _outputs.Add(("cost", c.Has(ColumnRoles.Cost) ? ValueSql.Amount(c.Raw(ColumnRoles.Cost), c.Separator) : NullPrefix + "DECIMAL(18,4))"));
        _outputs.Add(("category", c.Text(ColumnRoles.Category)));
        if (c.Has(ColumnRoles.Discount))
        {
            // Only when the file has one: its presence switches on the discount_share feature.
            _outputs.Add(("discount", ValueSql.Amount(c.Raw(ColumnRoles.Discount), c.Separator)));
        }

        foreach (var role in ColumnRoles.Attributes.Where(c.Has))
        {
            _outputs.Add((role.Column, c.Text(role)));
        }

        _checks.Add(RowCheck.Required(RejectReason.MissingDate, RejectReason.BadDate,
            $"order_date IS NULL OR NOT {ValueSql.IsPlausibleDate("order_date")}", c.Raw(ColumnRoles.Date), c.Column(ColumnRoles.Date)));
        _checks.Add(RowCheck.Required(RejectReason.MissingAmount, RejectReason.BadAmount, "amount IS NULL", c.Raw(ColumnRoles.Amount), c.Column(ColumnRoles.Amount)));
        if (c.Has(ColumnRoles.Quantity))
        {
            _checks.Add(RowCheck.Simple(RejectReason.BadQuantity,
                $"(quantity IS NULL OR NOT isfinite(quantity)) AND NOT {c.Blank(ColumnRoles.Quantity)}", c.Column(ColumnRoles.Quantity)));
        }

        if (c.Has(ColumnRoles.Cost))
        {
            _checks.Add(RowCheck.Simple(RejectReason.BadCost, $"cost IS NULL AND NOT {c.Blank(ColumnRoles.Cost)}", c.Column(ColumnRoles.Cost)));
        }

        if (c.Has(ColumnRoles.Discount))
        {
            _checks.Add(RowCheck.Simple(RejectReason.BadDiscount, $"discount IS NULL AND NOT {c.Blank(ColumnRoles.Discount)}", c.Column(ColumnRoles.Discount)));
        }

        if (options.Returns == ReturnsPolicy.Exclude)
        {
            _checks.Add(RowCheck.Simple(RejectReason.ReturnExcluded, "amount < 0", c.Column(ColumnRoles.Amount)));
        }
    }

    private void AddCustomers(Context c)
    {
        _outputs.Add(("signup_date", ValueSql.Date(c.Raw(ColumnRoles.SignupDate))));
        foreach (var role in ColumnRoles.Attributes)
        {
            _outputs.Add((role.Column, c.Text(role)));
        }

        foreach (var extra in c.Plan.Extras)
        {
            _outputs.Add((extra.Column, extra.IsNumber ? ValueSql.PlainNumber(Db.Col(extra.Index)) : ValueSql.Text(Db.Col(extra.Index))));
        }

        _checks.Add(RowCheck.Simple(RejectReason.BadSignupDate,
            $"(signup_date IS NULL OR NOT {ValueSql.IsPlausibleDate("signup_date")}) AND NOT {c.Blank(ColumnRoles.SignupDate)}",
            c.Column(ColumnRoles.SignupDate)));
    }

    private void AddInteractions(Context c)
    {
        _outputs.Add(("interaction_date", ValueSql.Date(c.Raw(ColumnRoles.InteractionDate))));
        _outputs.Add(("type", InteractionTypes.Sql(c.Raw(ColumnRoles.InteractionType))));
        _outputs.Add(("cost", c.Has(ColumnRoles.InteractionCost) ? ValueSql.Amount(c.Raw(ColumnRoles.InteractionCost), c.Separator) : NullPrefix + "DECIMAL(18,4))"));
        _outputs.Add(("owner", c.Text(ColumnRoles.Owner)));
        _checks.Add(RowCheck.Required(RejectReason.MissingDate, RejectReason.BadDate,
            $"interaction_date IS NULL OR NOT {ValueSql.IsPlausibleDate("interaction_date")}",
            c.Raw(ColumnRoles.InteractionDate), c.Column(ColumnRoles.InteractionDate)));
        _checks.Add(RowCheck.Required(RejectReason.MissingType, RejectReason.BadType, "type IS NULL",
            c.Raw(ColumnRoles.InteractionType), c.Column(ColumnRoles.InteractionType)));
        if (c.Has(ColumnRoles.InteractionCost))
        {
            _checks.Add(new RowCheck($"cost IS NULL AND NOT {c.Blank(ColumnRoles.InteractionCost)} OR cost < 0",
                $"CASE WHEN cost < 0 THEN '{RejectReason.NegativeCost}' ELSE '{RejectReason.BadCost}' END",
                [(RejectReason.NegativeCost, c.Column(ColumnRoles.InteractionCost)), (RejectReason.BadCost, c.Column(ColumnRoles.InteractionCost))]));
        }
    }

    private void AddSurveys(Context c)
    {
        _outputs.Add(("survey_date", ValueSql.Date(c.Raw(ColumnRoles.SurveyDate))));
        _outputs.Add(("nps", c.Has(ColumnRoles.Nps) ? ValueSql.IntegerIn(c.Raw(ColumnRoles.Nps), MinNps, MaxNps) : NullPrefix + "INTEGER)"));
        _outputs.Add(("csat", c.Has(ColumnRoles.Csat) ? ValueSql.IntegerIn(c.Raw(ColumnRoles.Csat), MinCsat, MaxCsat) : NullPrefix + "INTEGER)"));
        _outputs.Add(("need", c.Text(ColumnRoles.Need)));
        _checks.Add(RowCheck.Required(RejectReason.MissingDate, RejectReason.BadDate,
            $"survey_date IS NULL OR NOT {ValueSql.IsPlausibleDate("survey_date")}", c.Raw(ColumnRoles.SurveyDate), c.Column(ColumnRoles.SurveyDate)));
        if (c.Has(ColumnRoles.Nps))
        {
            _checks.Add(RowCheck.Simple(RejectReason.BadNps, $"nps IS NULL AND NOT {c.Blank(ColumnRoles.Nps)}", c.Column(ColumnRoles.Nps)));
        }

        if (c.Has(ColumnRoles.Csat))
        {
            _checks.Add(RowCheck.Simple(RejectReason.BadCsat, $"csat IS NULL AND NOT {c.Blank(ColumnRoles.Csat)}", c.Column(ColumnRoles.Csat)));
        }

        _checks.Add(RowCheck.Simple(RejectReason.NoAnswer, "nps IS NULL AND csat IS NULL AND need IS NULL", null));
    }

    public int SourceColumns { get; }

    /// <summary>The output column names, in table order (without <c>src_row</c>).</summary>
    public IEnumerable<string> OutputColumns => _outputs.Select(o => o.Name);

    /// <summary>The output columns the row hash covers (those the file has), in table order.</summary>
    public IEnumerable<string> HashedColumns => _outputs.Where(o => !o.Sql.StartsWith(NullPrefix, StringComparison.Ordinal)).Select(o => o.Name);

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
