namespace Segmenta.Data.Tests;

/// <summary>Paths to the reference data copied next to the test assembly, and small converters.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static string CdnowSampleCsv(string dir) => Segmenta.Tests.Shared.CdnowSample.WriteCsv(dir);
}
