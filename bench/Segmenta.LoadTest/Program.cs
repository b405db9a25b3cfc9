// Bounded loopback load test of the Segmenta API: N concurrent clients query customers by segment for a fixed time.
// Usage: dotnet run -c Release --project bench/Segmenta.LoadTest -- URL API_KEY [clients=200] [seconds=30] [scheme=rfm]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Segmenta.LoadTest URL API_KEY [clients=200] [seconds=30] [scheme=rfm]");
    return 3;
}
var baseUrl = new Uri(args[0]);
if (!baseUrl.IsLoopback)
{
    Console.Error.WriteLine("loopback only: point it at http://127.0.0.1:PORT");
    return 3;
}
var key = args[1];
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var scheme = args.Length > 4 ? args[4] : "rfm";

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);

var segments = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/segments/{scheme}"))!["segments"]!.AsArray()
    .Select(s => (Key: s!["segment"]!.GetValue<string>(), Customers: s["customers"]!.GetValue<long>()))
    .Where(s => s.Customers > 0).ToArray();
var customers = segments.Sum(s => s.Customers);
Console.WriteLine($"{segments.Length} segments of scheme {scheme}, {customers:N0} customers; {clients} clients for {seconds} s");

// Cold, 8 concurrent (and the warm-up of the warm phase): pages 1-20 of every segment once, 8 at a time.
var distinct = segments.SelectMany(s => Enumerable.Range(1, (int)Math.Max(1, Math.Min(20, s.Customers / 50)))
    .Select(p => $"/api/v1/customers?scheme={scheme}&segment={Uri.EscapeDataString(s.Key)}&page={p}&page_size=50")).ToArray();
var cold = new System.Collections.Concurrent.ConcurrentBag<double>();
var warm = Stopwatch.StartNew();
await Parallel.ForEachAsync(distinct, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (url, ct) =>
{
    var t0 = Stopwatch.GetTimestamp();
    using var r = await http.GetAsync(url, ct);
    r.EnsureSuccessStatusCode();
    cold.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
});
var coldSorted = cold.Order().ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cold, 8 concurrent: {distinct.Length} distinct queries in {warm.Elapsed.TotalSeconds:F1} s, latency ms p50 {coldSorted[coldSorted.Length / 2]:F1}, p95 {coldSorted[(int)Math.Ceiling(0.95 * coldSorted.Length) - 1]:F1}, p99 {coldSorted[(int)Math.Ceiling(0.99 * coldSorted.Length) - 1]:F1}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));

// Cold, 200 concurrent: every request a distinct query never asked before (pages 21.. of every segment, shuffled;
// the pages above are 1–20), so none can come from the page cache: each is a read of the page tables (or a scan).
var unseen = segments.SelectMany(s => Enumerable.Range(21, (int)Math.Max(0, (s.Customers + 49) / 50 - 20))
    .Select(p => $"/api/v1/customers?scheme={scheme}&segment={Uri.EscapeDataString(s.Key)}&page={p}&page_size=50")).ToArray();
new Random(42).Shuffle(unseen);
var next = -1;
string? NextUnseen(Random _)
{
    var i = Interlocked.Increment(ref next);
    return i < unseen.Length ? unseen[i] : null;
}
var coldAll = await Phase("cold, distinct never-seen queries", clients, NextUnseen);
// The same with a quarter of the clients (closed loop: latency ≈ clients / throughput), from the pages still unseen.
coldAll += await Phase("cold, distinct never-seen queries", Math.Max(1, clients / 4), NextUnseen);
Console.WriteLine($"cold phases: {Math.Min(next + 1, unseen.Length):N0} of {unseen.Length:N0} never-seen pages asked");

// Warm: random segment, random page of the first 20 (all cached by the warm-up above).
var warmAll = await Phase("warm, pages 1-20", clients, random =>
{
    var (segment, count) = segments[random.Next(segments.Length)];
    var pages = (int)Math.Max(1, Math.Min(20, count / 50));
    return $"/api/v1/customers?scheme={scheme}&segment={Uri.EscapeDataString(segment)}&page={1 + random.Next(pages)}&page_size=50";
});
return coldAll + warmAll == 0 ? 0 : 1;

// CLIENTS clients for SECONDS (or until nextUrl returns null), each in a closed loop; prints throughput and percentiles.
async Task<long> Phase(string name, int clients, Func<Random, string?> nextUrl)
{
    var latencies = new List<double>[clients];
    var errors = 0L;
    var stop = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    var tasks = Enumerable.Range(0, clients).Select(async c =>
    {
        var random = new Random(c);
        var mine = latencies[c] = [];
        while (stop.Elapsed < deadline && nextUrl(random) is { } url)
        {
            var t = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(url);
                await response.Content.LoadIntoBufferAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    }).ToArray();
    await Task.WhenAll(tasks);
    var elapsed = stop.Elapsed.TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    if (all.Length == 0)
    {
        Console.WriteLine($"{name}: no requests");
        return 1;
    }
    double P(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}, {clients} concurrent: requests {all.Length:N0} in {elapsed:F1} s, errors {errors}, throughput {all.Length / elapsed:F0} req/s, latency ms p50 {P(0.50):F1}, p95 {P(0.95):F1}, p99 {P(0.99):F1}, max {all[^1]:F1}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    return errors;
}
