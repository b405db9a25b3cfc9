using System.Globalization;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Customer histories compressed into distinct (x, tₓ, T) cells with counts. The cell values are also indexed into
/// tables of distinct x, tₓ and T so likelihoods compute each log or log-gamma once per distinct value.
/// </summary>
/// <remarks>
/// Validation (a <see cref="SegmentaInputException"/> names the offending row): every value finite, x a whole
/// number ≥ 0, 0 ≤ tₓ ≤ T, weight &gt; 0. For x = 0 the recency is irrelevant to every model and is stored as 0.
/// Empty input gives zero cells; fitting then throws.
/// </remarks>
public sealed class HistoryCells
{
    private HistoryCells(List<HistoryCell> cells)
    {
        var n = cells.Count;
        X = new double[n];
        Tx = new double[n];
        T = new double[n];
        Counts = new double[n];
        for (var i = 0; i < n; i++)
        {
            (X[i], Tx[i], T[i], Counts[i]) = (cells[i].Frequency, cells[i].Recency, cells[i].T, cells[i].Count);
            NumberOfCustomers += Counts[i];
            if (X[i] > 0) RepeatBuyers += Counts[i];
        }
        (DistinctX, XIndex) = Index(X);
        (DistinctTx, TxIndex) = Index(Tx);
        (DistinctT, TIndex) = Index(T);
    }

    /// <summary>Number of distinct cells.</summary>
    public int Length => X.Length;

    /// <summary>Total weight of all cells (the number of customers).</summary>
    public double NumberOfCustomers { get; }

    /// <summary>Total weight of the cells with x &gt; 0.</summary>
    public double RepeatBuyers { get; }

    /// <summary>The largest age T of any cell (0 when empty).</summary>
    public double MaxT => DistinctT.Length == 0 ? 0 : DistinctT[^1];

    /// <summary>Cell <paramref name="index"/> as a value.</summary>
    public HistoryCell this[int index] => new(X[index], Tx[index], T[index], Counts[index]);

    internal double[] X { get; }
    internal double[] Tx { get; }
    internal double[] T { get; }
    internal double[] Counts { get; }
    internal double[] DistinctX { get; }
    internal int[] XIndex { get; }
    internal double[] DistinctTx { get; }
    internal int[] TxIndex { get; }
    internal double[] DistinctT { get; }
    internal int[] TIndex { get; }

    /// <summary>
    /// Compresses per-customer histories into distinct cells, ordered by (x, tₓ, T); the result does not depend on the
    /// order of the input. Cost: one sort, O(n log n).
    /// </summary>
    /// <exception cref="SegmentaInputException">A history is invalid; the message names its row (0-based).</exception>
    public static HistoryCells Compress(ReadOnlySpan<CustomerHistory> histories)
    {
        var keys = new CellKey[histories.Length];
        for (var i = 0; i < histories.Length; i++)
        {
            var h = histories[i];
            keys[i] = new CellKey(h.Frequency, Validate(h.Frequency, h.Recency, h.T, h.Weight, i), h.T, h.Weight);
        }
        Array.Sort(keys);
        var cells = new List<HistoryCell>();
        var at = 0;
        while (at < keys.Length)
        {
            var first = keys[at];
            var count = 0.0;
            for (; at < keys.Length && keys[at].SameCell(first); at++) count += keys[at].Weight;
            cells.Add(new HistoryCell(first.X, first.Tx, first.T, count));
        }
        return new HistoryCells(cells);
    }

    /// <summary>Builds cells that were already aggregated (for example by a GROUP BY in the engine); equal cells are merged.</summary>
    /// <exception cref="SegmentaInputException">A cell is invalid; the message names its position (0-based).</exception>
    public static HistoryCells FromCells(IEnumerable<HistoryCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var histories = new List<CustomerHistory>();
        foreach (var c in cells) histories.Add(new CustomerHistory(c.Frequency, c.Recency, c.T, c.Count));
        return Compress(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(histories));
    }

    /// <summary>
    /// A systematic sample of the cells: every <paramref name="step"/>-th cell (cells are sorted by (x, tₓ, T)) with its
    /// count multiplied by <paramref name="step"/>, so sums over the sample estimate sums over all cells. Used to screen
    /// starting points cheaply on large data.
    /// </summary>
    internal HistoryCells Subsample(int step)
    {
        var cells = new List<HistoryCell>(Length / step + 1);
        for (var i = step / 2; i < Length; i += step) cells.Add(new HistoryCell(X[i], Tx[i], T[i], Counts[i] * step));
        return new HistoryCells(cells);
    }

    private static double Validate(double x, double tx, double t, double w, int row)
    {
        string? problem = null;
        if (!double.IsFinite(x) || !double.IsFinite(tx) || !double.IsFinite(t) || !double.IsFinite(w))
            problem = "a value is not a finite number";
        else if (x < 0 || x != Math.Floor(x)) problem = "frequency x must be a whole number >= 0";
        else if (t < 0) problem = "age T must be >= 0";
        else if (x > 0 && (tx < 0 || tx > t)) problem = "recency must satisfy 0 <= tx <= T";
        else if (w <= 0) problem = "weight must be > 0";
        if (problem is not null)
        {
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"customer history row {row} (x={x}, tx={tx}, T={t}, weight={w}): {problem}. Fix the summary or drop the row."));
        }
        return x == 0 ? 0.0 : tx;
    }

    private static (double[] Distinct, int[] Index) Index(double[] values)
    {
        var distinct = values.Distinct().Order().ToArray();
        var index = new int[values.Length];
        for (var i = 0; i < values.Length; i++) index[i] = Array.BinarySearch(distinct, values[i]);
        return (distinct, index);
    }
}
