using System.Globalization;

namespace Segmenta.Data.Sql;

/// <summary>
/// Everything that differs between the SQL engines, in one place per engine: quoting, literals, date
/// arithmetic and the few aggregates that have different names. Feature SQL and rule compilation are written
/// once against this class.
/// </summary>
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

    /// <summary>A DATE literal.</summary>
    public virtual string DateLiteral(DateOnly value) => "DATE '" + value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (both DATE expressions).</summary>
    public abstract string DaysBetween(string from, string to);

    /// <summary>The value of <paramref name="value"/> on the row where <paramref name="key"/> is smallest.</summary>
    public abstract string ArgMin(string value, string key);

    /// <summary>The value of <paramref name="value"/> on the row where <paramref name="key"/> is largest.</summary>
    public abstract string ArgMax(string value, string key);

    /// <summary>Boolean literal.</summary>
    public virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";
}
