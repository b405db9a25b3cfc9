namespace Segmenta.Data.Synthetic.Internal;

/// <summary>Writes numbers and fixed texts as ASCII into a span; each method returns the number of bytes written.</summary>
internal static class AsciiFields
{
    /// <summary>A non-negative number, zero-padded to at least <paramref name="width"/> digits.</summary>
    public static int Digits(Span<byte> target, long value, int width)
    {
        var digits = 1;
        for (var v = value / 10; v > 0; v /= 10)
        {
            digits++;
        }

        var n = Math.Max(digits, width);
        for (var i = n - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return n;
    }

    /// <summary>Cents as a decimal amount with two decimals: 1234 → "12.34", 1 → "0.01".</summary>
    public static int Cents(Span<byte> target, long cents)
    {
        var n = Digits(target, cents / 100, 1);
        target[n] = (byte)'.';
        var rest = cents % 100;
        target[n + 1] = (byte)('0' + (rest / 10));
        target[n + 2] = (byte)('0' + (rest % 10));
        return n + 3;
    }

    public static int Bytes(Span<byte> target, ReadOnlySpan<byte> text)
    {
        text.CopyTo(target);
        return text.Length;
    }
}
