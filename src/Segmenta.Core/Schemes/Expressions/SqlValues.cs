using System.Globalization;

namespace Segmenta.Core.Schemes.Expressions;

/// <summary>
/// Value semantics of the in-memory evaluator, chosen to match the SQL engines: numbers are exact
/// (<see cref="long"/>, <see cref="decimal"/>) unless a <see cref="double"/> is involved; null propagates.
/// </summary>
internal static class SqlValues
{
    /// <summary>Brings a CLR value to one of the evaluator's types: null, long, decimal, double, string, bool, or anything else unchanged.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => (decimal)ul,
        float f => (double)f,
        _ => value,
    };

    public static bool IsNumber(object value) => value is long or decimal or double;

    /// <summary>Three-way comparison; null when either side is null (unknown).</summary>
    /// <exception cref="InvalidOperationException">The two values cannot be compared (e.g. text with a number).</exception>
    public static int? Compare(object? left, object? right)
    {
        if (left is null || right is null)
            return null;
        if (IsNumber(left) && IsNumber(right))
        {
            if (left is double || right is double)
                return ToDouble(left).CompareTo(ToDouble(right));
            return ToDecimal(left).CompareTo(ToDecimal(right));
        }
        if (left is string ls && right is string rs)
            return string.CompareOrdinal(ls, rs);
        if (left.GetType() == right.GetType() && left is IComparable comparable)
            return comparable.CompareTo(right);
        throw new InvalidOperationException(
            $"Cannot compare a {left.GetType().Name} ({Show(left)}) with a {right.GetType().Name} ({Show(right)}).");
    }

    /// <summary>+ − × ÷ with SQL semantics: null propagates, division by zero gives null, long stays long unless it overflows.</summary>
    public static object? Arithmetic(BinaryOp op, object? left, object? right)
    {
        if (left is null || right is null)
            return null;
        if (!IsNumber(left) || !IsNumber(right))
            throw new InvalidOperationException(
                $"Arithmetic needs numbers, got {left.GetType().Name} ({Show(left)}) and {right.GetType().Name} ({Show(right)}).");
        if (left is double || right is double)
            return Arithmetic(op, ToDouble(left), ToDouble(right));
        if (left is long a && right is long b && op != BinaryOp.Divide)
        {
            try
            {
                return op switch
                {
                    BinaryOp.Add => checked(a + b),
                    BinaryOp.Subtract => checked(a - b),
                    _ => checked(a * b),
                };
            }
            catch (OverflowException)
            {
                // SQL engines widen to a decimal/hugeint here; so do we.
            }
        }
        return Arithmetic(op, ToDecimal(left), ToDecimal(right));
    }

    public static object? Negate(object? value) => value switch
    {
        null => null,
        long l when l != long.MinValue => -l,
        long l => -(decimal)l,
        decimal d => -d,
        double d => -d,
        _ => throw new InvalidOperationException($"Cannot negate a {value.GetType().Name} ({Show(value)})."),
    };

    private static object? Arithmetic(BinaryOp op, decimal a, decimal b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => b == 0 ? null : a / b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an arithmetic operator."),
    };

    private static object? Arithmetic(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => b == 0 ? null : a / b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an arithmetic operator."),
    };

    private static decimal ToDecimal(object value) => value switch
    {
        long l => l,
        decimal d => d,
        _ => throw new InvalidOperationException($"{Show(value)} is not an exact number."),
    };

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        decimal d => (double)d,
        double d => d,
        _ => throw new InvalidOperationException($"{Show(value)} is not a number."),
    };

    private static string Show(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
