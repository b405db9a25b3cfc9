namespace Segmenta.Data.Import;

/// <summary>
/// The one place where raw text becomes a date or a number: DuckDB SQL expressions over a VARCHAR column.
/// Each tries DuckDB's fast typed cast first and falls back to the slower forms only for rows where it failed
/// (<c>coalesce</c> evaluates its later arguments only for rows still NULL).
/// </summary>
internal static class ValueSql
{
    /// <summary>First and last plausible purchase days; dates outside are rejected as typos.</summary>
    public const string MinDate = "1900-01-01";

    /// <summary>Last plausible purchase day.</summary>
    public const string MaxDate = "2099-12-31";

    /// <summary>Excel serial numbers accepted as dates: 25569 = 1970-01-01 … 73050 = 2099-12-31.</summary>
    private const int MinSerial = 25569;

    private const int MaxSerial = 73050;

    /// <summary>
    /// A DATE from <c>yyyy-MM-dd</c> (also <c>yyyy-M-d</c>, <c>yyyy/M/d</c>, ISO with <c>T</c>, any of them with a time,
    /// which is dropped), <c>yyyy.M.d</c>, <c>yyyyMMdd</c>, <c>yyyy年M月d日</c>, or an Excel serial number; NULL otherwise.
    /// </summary>
    public static string Date(string x) => $"coalesce(TRY_CAST({x} AS DATE), {SlowDate(x)})";

    /// <summary>True when a parsed date is a plausible purchase day (1900–2099).</summary>
    public static string IsPlausibleDate(string d) => $"({d} BETWEEN DATE '{MinDate}' AND DATE '{MaxDate}')";

    /// <summary>A DECIMAL(18,4) amount: see <see cref="SlowNumber"/> for the accepted forms.</summary>
    public static string Amount(string x, char decimalSeparator) =>
        $"coalesce({FastDecimal(x, decimalSeparator)}, TRY_CAST({SlowNumber(x, decimalSeparator)} AS DECIMAL(18,4)))";

    /// <summary>A DOUBLE quantity, same forms as <see cref="Amount"/> (the caller rejects NaN and infinities).</summary>
    public static string Number(string x, char decimalSeparator)
    {
        var fast = decimalSeparator == ','
            ? $"CASE WHEN NOT contains({x}, '.') THEN TRY_CAST(replace({x}, ',', '.') AS DOUBLE) END"
            : $"TRY_CAST({x} AS DOUBLE)";
        return $"coalesce({fast}, CAST({SlowNumber(x, decimalSeparator)} AS DOUBLE))";
    }

    /// <summary>
    /// The regular expression of a plain number in a CRM attribute column: optional sign, digits without leading zeros
    /// or thousands separators, optional decimals (<c>120</c>, <c>-3.5</c>, <c>0.82</c>; not <c>007</c>, <c>1,200</c>).
    /// A column whose every non-empty value matches is loaded as a number; codes with leading zeros stay text.
    /// </summary>
    public const string PlainNumberPattern = "[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?";

    /// <summary>A DOUBLE from a plain number (see <see cref="PlainNumberPattern"/>), NULL when blank.</summary>
    public static string PlainNumber(string x) => $"TRY_CAST(trim({x}) AS DOUBLE)";

    /// <summary>True when the raw text is blank or a plain number.</summary>
    public static string IsBlankOrPlainNumber(string x) => $"({IsBlank(x)} OR regexp_full_match(trim({x}), '{PlainNumberPattern}'))";

    /// <summary>
    /// An INTEGER answer on a scale <paramref name="min"/> … <paramref name="max"/> (e.g. NPS 0–10), from the number forms of
    /// <see cref="Number"/> with <c>.</c> as decimal separator; NULL when not a whole number in range.
    /// </summary>
    public static string IntegerIn(string x, int min, int max)
    {
        var n = $"TRY_CAST(trim({x}) AS DOUBLE)";
        return $"CASE WHEN {n} BETWEEN {min} AND {max} AND {n} = floor({n}) THEN CAST({n} AS INTEGER) END";
    }

    /// <summary>
    /// A trimmed text value (see <see cref="CellSpace"/>), NULL when empty. <c>trim</c> costs as much as the whole rest of the parse, so it runs only
    /// for values that start or end with a space.
    /// </summary>
    public static string Text(string x) =>
        $"CASE WHEN {CellSpace.MayNeedTrim(x)} THEN {CellSpace.Trimmed(x)} ELSE nullif({x}, '') END";

    /// <summary>True when the raw text is absent or blank.</summary>
    public static string IsBlank(string x) => $"({CellSpace.Trimmed(x)} IS NULL)";

    /// <summary>
    /// True when a rejected amount looks like a decimal comma (<c>12,50</c>), so the message can suggest
    /// <c>--decimal-separator ","</c>.
    /// </summary>
    public static string LooksLikeDecimalComma(string x) => $"regexp_full_match(trim({x}), '[-(]?[¥￥$€]?[0-9]+,[0-9]{{1,2}}\\)?(元)?')";

    private static string FastDecimal(string x, char decimalSeparator) => decimalSeparator == ','
        ? $"CASE WHEN NOT contains({x}, '.') THEN TRY_CAST(replace({x}, ',', '.') AS DECIMAL(18,4)) END"
        : $"TRY_CAST({x} AS DECIMAL(18,4))";

    private static string SlowDate(string x)
    {
        var t = $"trim({FullWidth.Ascii(x)})";
        return $"CASE WHEN regexp_full_match({t}, '[0-9]{{5}}(\\.[0-9]+)?') " +
               $"THEN CASE WHEN TRY_CAST({t} AS DOUBLE) BETWEEN {MinSerial} AND {MaxSerial} " +
               $"THEN DATE '1899-12-30' + CAST(floor(TRY_CAST({t} AS DOUBLE)) AS INTEGER) END " +
               $"ELSE CAST(try_strptime(split_part(split_part({t}, ' ', 1), 'T', 1), " +
               "['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d', '%Y%m%d', '%Y年%m月%d日']) AS DATE) END";
    }

    /// <summary>
    /// A DECIMAL(38,4) from text with surrounding spaces (also full-width and no-break), one currency sign
    /// (¥ ￥ $ €) and/or a trailing 元, thousands separators in valid groups only (<c>1,234.50</c>; <c>12,50</c> is not
    /// a number with a decimal point), a leading or trailing-sign minus, or parentheses for a negative (<c>(500)</c>).
    /// </summary>
    private static string SlowNumber(string x, char decimalSeparator)
    {
        var (num, group, plain) = decimalSeparator == ','
            ? ("[0-9][0-9.]*(?:,[0-9]*)?|,[0-9]+", "[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]*)?", "replace(replace(p.num, '.', ''), ',', '.')")
            : ("[0-9][0-9,]*(?:\\.[0-9]*)?|\\.[0-9]+", "[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?", "replace(p.num, ',', '')");
        var thousands = decimalSeparator == ',' ? "." : ",";
        var pattern = $"^(\\()?([-−－+])?([¥￥$€])?([-−－])?({num})(元)?(\\))?$";
        var parts = $"regexp_extract(regexp_replace({FullWidth.Ascii(x)}, '[\\s\\x{{3000}}\\x{{00A0}}]', '', 'g'), '{pattern}', " +
                    "['open', 'sign1', 'cur', 'sign2', 'num', 'yuan', 'close'])";
        var negatives = "(CASE WHEN p.open <> '' THEN 1 ELSE 0 END + CASE WHEN p.sign1 IN ('-', '−', '－') THEN 1 ELSE 0 END + CASE WHEN p.sign2 <> '' THEN 1 ELSE 0 END)";
        var body =
            "CASE WHEN p.num = '' OR (p.open = '') <> (p.close = '') OR (p.sign1 <> '' AND p.sign2 <> '') " +
            $"OR {negatives} > 1 " +
            $"OR (contains(p.num, '{thousands}') AND NOT regexp_full_match(p.num, '{group}')) THEN NULL " +
            $"WHEN {negatives} = 1 THEN -TRY_CAST({plain} AS DECIMAL(38,4)) " +
            $"ELSE TRY_CAST({plain} AS DECIMAL(38,4)) END";
        return $"list_transform([{parts}], lambda p: {body})[1]";
    }
}
