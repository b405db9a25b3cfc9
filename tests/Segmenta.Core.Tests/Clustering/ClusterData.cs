using Segmenta.Core.Clustering;
using Segmenta.Core.Synthetic;

namespace Segmenta.Core.Tests.Clustering;

/// <summary>Small clustered datasets for the tests.</summary>
internal static class ClusterData
{
    public static readonly string[] Features = ["recency_days", "orders", "monetary_total", "tenure_days"];

    /// <summary>Planted-cluster customers from the generator, with their RFM + tenure features computed in memory (as-of = end of the window).</summary>
    public static (FeatureMatrix Matrix, int[] Truth) Planted(int customers, int clusters, long seed = 42)
    {
        var options = new SyntheticOptions { Customers = customers, Clusters = clusters, Seed = seed };
        var rows = TransactionSimulator.Simulate(options).ToList();
        var columns = Features.Select(_ => new double[rows.Count]).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var c = rows[i];
            var asOf = SyntheticCalendar.WindowDays;
            columns[0][i] = asOf - c.Purchases.Max(p => p.Day);
            columns[1][i] = c.Purchases.Count;
            columns[2][i] = c.Purchases.Sum(p => p.AmountCents) / 100.0;
            columns[3][i] = asOf - c.FirstPurchaseDay;
        }
        return (FeatureMatrix.FromColumns(Features, columns), [.. rows.Select(r => r.Cluster)]);
    }

    /// <summary>Gaussian blobs around the given centres (unit spread × <paramref name="spread"/>), seeded.</summary>
    public static (FeatureMatrix Matrix, int[] Truth) Blobs(double[][] centres, int perBlob, double spread, int seed)
    {
        var rng = new Random(seed);
        var d = centres[0].Length;
        var values = new double[centres.Length * perBlob * d];
        var truth = new int[centres.Length * perBlob];
        for (var b = 0; b < centres.Length; b++)
        {
            for (var i = 0; i < perBlob; i++)
            {
                var row = (b * perBlob) + i;
                truth[row] = b;
                for (var j = 0; j < d; j++)
                {
                    // Box–Muller.
                    var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    values[(row * d) + j] = centres[b][j] + (spread * z);
                }
            }
        }
        return (new FeatureMatrix([.. Enumerable.Range(0, d).Select(j => $"x{j}")], values), truth);
    }
}
