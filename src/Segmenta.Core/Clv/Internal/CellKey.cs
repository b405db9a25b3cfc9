namespace Segmenta.Core.Clv.Internal;

/// <summary>A history being compressed: sorted by (x, tₓ, T) so equal histories become adjacent.</summary>
internal readonly record struct CellKey(double X, double Tx, double T, double Weight) : IComparable<CellKey>
{
    public int CompareTo(CellKey other)
    {
        var c = X.CompareTo(other.X);
        if (c != 0) return c;
        c = Tx.CompareTo(other.Tx);
        return c != 0 ? c : T.CompareTo(other.T);
    }

    public bool SameCell(CellKey other) => X == other.X && Tx == other.Tx && T == other.T;

    public static bool operator <(CellKey left, CellKey right) => left.CompareTo(right) < 0;

    public static bool operator >(CellKey left, CellKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(CellKey left, CellKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CellKey left, CellKey right) => left.CompareTo(right) >= 0;
}
