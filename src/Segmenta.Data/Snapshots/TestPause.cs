namespace Segmenta.Data.Snapshots;

/// <summary>
/// Fault-injection points for the crash tests. When the environment variable <c>SEGMENTA_TEST_PAUSE_AT</c> names a
/// point (comma-separated list allowed, e.g. <c>snapshot:after-assignments</c>), the process prints
/// <c>SEGMENTA_PAUSED &lt;point&gt;</c> on stderr and waits there (until the file named by
/// <c>SEGMENTA_TEST_PAUSE_RELEASE</c> exists, or at most two minutes), so a test can kill it at a known place.
/// Without the variable this costs one environment lookup.
/// </summary>
internal static class TestPause
{
    public const string Variable = "SEGMENTA_TEST_PAUSE_AT", ReleaseVariable = "SEGMENTA_TEST_PAUSE_RELEASE", Marker = "SEGMENTA_PAUSED";

    public static void At(string point)
    {
        var wanted = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(wanted) || !wanted.Split(',', StringSplitOptions.TrimEntries).Contains(point, StringComparer.Ordinal))
            return;
        Console.Error.WriteLine(Marker + " " + point);
        Console.Error.Flush();
        var release = Environment.GetEnvironmentVariable(ReleaseVariable);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && (string.IsNullOrEmpty(release) || !File.Exists(release)))
            Thread.Sleep(20);
    }
}
