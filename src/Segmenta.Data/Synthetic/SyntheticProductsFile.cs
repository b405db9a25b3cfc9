using System.Globalization;
using System.Text;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Output;

namespace Segmenta.Data.Synthetic;

/// <summary>The product attributes file of the synthetic catalogue: <c>product_id,category</c> (the input of <c>recommend --products</c>).</summary>
public static class SyntheticProductsFile
{
    /// <summary>Writes one row per product of <paramref name="options"/>' catalogue, atomically; returns the number of products.</summary>
    public static int Write(SyntheticOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var width = TransactionSimulator.Plan(options).ProductIdWidth;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false));
            writer.WriteLine("product_id,category");
            for (var p = 0; p < options.Products; p++)
                writer.WriteLine("P" + (p + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + "," + SyntheticProducts.Categories[SyntheticProducts.CategoryOf(p)]);
        });
        return options.Products;
    }
}
