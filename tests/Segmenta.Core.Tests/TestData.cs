namespace Segmenta.Core.Tests;

/// <summary>Finds files under <c>tests/data</c> from the test binary's folder.</summary>
internal static class TestData
{
    public static string Path(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "data", fileName);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"tests/data/{fileName} not found above {AppContext.BaseDirectory}.");
    }
}
