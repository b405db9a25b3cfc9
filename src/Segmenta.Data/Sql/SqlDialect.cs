using System.Globalization;

namespace Segmenta.Data.Sql;

/// <summary>
/// Everything that differs between the SQL engines, in one place per engine: quoting, literals, type names,
/// casts, date arithmetic, conditional aggregates, division, text ordering, joins and null logic. Feature SQL
/// (<see cref="FeatureQuery"/>), rule compilation (<see cref="ExprSqlCompiler"/>) and the engine queries
/// (<see cref="EngineSql"/>) are written once against this class.
/// </summary>
/// <remarks>
/// Rules that keep results identical across engines: money is DECIMAL(18,4) and sums of it stay exact; every
/// division is done in double precision (<see cref="Divide"/>), so a mean is the correctly rounded quotient of an
/// exact sum on every engine; counts are 64-bit signed integers; text is compared and ordered byte-wise (UTF-8
/// code-point order).
/// </remarks>
internal abstract class SqlDialect
{
    /// <summary>Engine name as shown to users and stored with snapshots.</summary>
    public abstract string Name { get; }

    /// <summary>Quotes an identifier; rule column names are validated before they get here, quoting is defence in depth.</summary>
    public virtual string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A string literal with quotes doubled; the only way user text reaches SQL.</summary>
    public virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>An exact decimal literal, written so the engine keeps it exact.</summary>
    public virtual string DecimalLiteral(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double literal that the engine reads back as the same double.</summary>
    public virtual string DoubleLiteral(double value) => "CAST(" + RoundTrip(value) + " AS " + TypeName(SqlType.Double) + ")";

    /// <summary>A DATE literal.</summary>
    public virtual string DateLiteral(DateOnly value) => "DATE '" + value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>Boolean literal.</summary>
    public virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>The engine's name for a type.</summary>
    public abstract string TypeName(SqlType type);

    /// <summary><paramref name="expr"/> converted to <paramref name="type"/> (null stays null).</summary>
    public virtual string Cast(string expr, SqlType type) => "CAST(" + expr + " AS " + TypeName(type) + ")";

    /// <summary>Money (DECIMAL(18,4)) from a column of a user's table of the given kind; floats are rounded to 4 decimals.</summary>
    public virtual string MoneyFrom(string expr, ColumnKind kind) => Cast(expr, SqlType.Money);

    /// <summary>
    /// Money × an exact factor, as money rounded half away from zero to 4 decimals. The money is widened first: DuckDB keeps
    /// DECIMAL(18,4) × DECIMAL(10,10) at 18 digits and overflows on large amounts.
    /// </summary>
    public virtual string MoneyTimes(string money, decimal factor) => Cast(Cast(money, SqlType.Wide) + " * " + DecimalLiteral(factor), SqlType.Money);

    /// <summary>A typed NULL.</summary>
    public virtual string NullOf(SqlType type) => "CAST(NULL AS " + TypeName(type) + ")";

    /// <summary>The number of rows of a group as a 64-bit signed integer.</summary>
    public virtual string CountRows() => "count(*)";

    /// <summary>The number of rows of a group where <paramref name="condition"/> holds.</summary>
    public virtual string CountIf(string condition) => "count(*) FILTER (WHERE " + condition + ")";

    /// <summary>The smallest <paramref name="value"/> over the rows where <paramref name="condition"/> holds (null when none).</summary>
    public virtual string MinIf(string value, string condition) => "min(" + value + ") FILTER (WHERE " + condition + ")";

    /// <summary>The largest <paramref name="value"/> over the rows where <paramref name="condition"/> holds (null when none).</summary>
    public virtual string MaxIf(string value, string condition) => "max(" + value + ") FILTER (WHERE " + condition + ")";

    /// <summary>The number of distinct non-null values.</summary>
    public virtual string CountDistinct(string value) => "count(DISTINCT " + value + ")";

    /// <summary>The byte-wise largest text of a group.</summary>
    public virtual string MaxText(string value) => "max(" + value + ")";

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (both DATE expressions), as a 64-bit integer.</summary>
    public abstract string DaysBetween(string from, string to);

    /// <summary>The value of <paramref name="value"/> on the row where <paramref name="key"/> is smallest (keys are unique per group).</summary>
    public abstract string ArgMin(string value, string key);

    /// <summary>The non-null value of <paramref name="value"/> on the row where <paramref name="key"/> is largest (keys are unique per group).</summary>
    public abstract string ArgMax(string value, string key);

    /// <summary><paramref name="expr"/> as a double.</summary>
    public virtual string ToDouble(string expr) => Cast(expr, SqlType.Double);

    /// <summary>Division in double precision; a zero divisor gives null (engines disagree otherwise).</summary>
    public virtual string Divide(string left, string right) => "(" + ToDouble(left) + " / NULLIF(" + ToDouble(right) + ", 0))";

    /// <summary>A text expression in a comparison that orders (&lt;, between): byte-wise on every engine.</summary>
    public virtual string TextForOrdering(string expr) => expr;

    /// <summary>
    /// Appended to each layer's SELECT of a plan so the planner computes the layer once instead of inlining its
    /// expressions into every reference of the next layer (which multiplies the work per reference).
    /// </summary>
    public virtual string LayerFence => "";

    /// <summary>The keyword(s) of a left outer join whose unmatched rows get nulls.</summary>
    public virtual string LeftJoin => "LEFT JOIN";

    /// <summary>
    /// The engine runs <c>WITH name AS MATERIALIZED (…)</c> inside a subquery and row-value <c>IN</c> subqueries: the feature
    /// query then counts distinct order ids per purchase day only where a day's minimum and maximum id leave the count
    /// open (<see cref="FeatureQuery"/>).
    /// </summary>
    public virtual bool HasMaterializedCte => false;

    /// <summary>
    /// True when the engine's <c>AND</c>, <c>OR</c>, <c>NOT</c> and <c>IN</c> do not follow SQL's three-valued logic
    /// with nulls (ClickHouse 18: <c>NULL AND 0</c> is NULL, <c>NULL IN (…)</c> is 0); the rule compiler then writes
    /// conditions as "definitely true" / "definitely false" tests that never see a null.
    /// </summary>
    public virtual bool EmulatesNullLogic => false;

    /// <summary>
    /// True when the rule compiler writes an integer compared with a decimal literal that has a fraction as the same
    /// test against an integer (<c>orders &gt; 3.34</c> as <c>orders &gt; 3</c>): exact, and DuckDB then compares integers
    /// instead of widening every value to the literal's DECIMAL(38, s) (plans compare counts with means).
    /// </summary>
    public virtual bool ComparesIntegersWithIntegerBounds => false;

    /// <summary>The shortest text that reads back as the same double, always with a decimal point or exponent.</summary>
    protected static string RoundTrip(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
