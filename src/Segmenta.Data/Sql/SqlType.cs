namespace Segmenta.Data.Sql;

/// <summary>The column types the feature and plan SQL casts to; each dialect names them.</summary>
internal enum SqlType
{
    /// <summary>64-bit integer.</summary>
    BigInt,
    /// <summary>32-bit integer (survey scores).</summary>
    Int,
    /// <summary>64-bit IEEE float.</summary>
    Double,
    /// <summary>Money as stored: DECIMAL(18,4).</summary>
    Money,
    /// <summary>Histogram values: DECIMAL(38,6).</summary>
    Wide,
    /// <summary>Text.</summary>
    Text,
    /// <summary>Calendar date.</summary>
    Date,
}
