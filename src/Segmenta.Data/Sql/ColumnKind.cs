namespace Segmenta.Data.Sql;

/// <summary>The value kind of a column or expression, as far as SQL generation needs to know it.</summary>
internal enum ColumnKind
{
    /// <summary>Not known (e.g. a column of a table the compiler was not told about).</summary>
    Unknown,
    /// <summary>A whole number (BIGINT, Int64, UInt8 …).</summary>
    Integer,
    /// <summary>An exact decimal (DECIMAL/NUMERIC).</summary>
    Decimal,
    /// <summary>A binary floating-point number (DOUBLE, float8, Float64).</summary>
    Double,
    /// <summary>Text.</summary>
    Text,
    /// <summary>A calendar date.</summary>
    Date,
    /// <summary>True/false.</summary>
    Boolean,
}
