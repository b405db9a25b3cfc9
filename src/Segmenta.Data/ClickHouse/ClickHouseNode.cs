using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Segmenta.Data.ClickHouse;

/// <summary>
/// One ClickHouse server spoken to over its HTTP interface (the only client that works with 18.16; see the shared
/// recipes). Statements go in the POST body, settings in the query string, data for INSERT in the body after the
/// statement; errors come back as HTTP 500 with <c>Code: NNN</c>.
/// </summary>
internal sealed partial class ClickHouseNode(Uri address, int shard, HttpClient http)
{
    /// <summary>The node's HTTP address.</summary>
    public Uri Address { get; } = address;

    /// <summary>1-based shard number in the cluster.</summary>
    public int Shard { get; } = shard;

    private long _rowsReceived;
    private long _charsReceived;

    /// <summary>Result rows this node has sent back so far (every query through <see cref="StreamAsync"/>), for measuring transfers.</summary>
    public long RowsReceived => Interlocked.Read(ref _rowsReceived);

    /// <summary>Characters of those rows (TabSeparated text, newlines included).</summary>
    public long CharsReceived => Interlocked.Read(ref _charsReceived);

    /// <summary><c>host:port</c>.</summary>
    public string HostPort => ClickHouseSource.Address(Address);

    /// <summary>
    /// Settings sent with every statement to this node (URL query form, e.g. the spill thresholds chosen at connect);
    /// a statement's own settings override them.
    /// </summary>
    public string SessionSettings { get; set; } = "";

    /// <summary>Runs a statement that returns nothing.</summary>
    public async Task ExecuteAsync(string sql, string settings, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new StringContent(sql, Encoding.UTF8), settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a query and returns its rows (TabSeparated, fields unescaped, null for NULL). For small results.</summary>
    public async Task<List<string?[]>> RowsAsync(string sql, string settings, CancellationToken cancellationToken)
    {
        var rows = new List<string?[]>();
        await StreamAsync(sql, settings, rows.Add, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Runs a query and hands every row to <paramref name="onRow"/> as it arrives.</summary>
    public async Task StreamAsync(string sql, string settings, Action<string?[]> onRow, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new StringContent(sql + " FORMAT TabSeparated", Encoding.UTF8), settings, cancellationToken).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            Interlocked.Increment(ref _rowsReceived);
            Interlocked.Add(ref _charsReceived, line.Length + 1);
            onRow(Tsv.Split(line));
        }
    }

    /// <summary>Inserts TabSeparated rows: <paramref name="insert"/> is <c>INSERT INTO t (cols)</c>.</summary>
    public async Task InsertAsync(string insert, byte[] tsv, int length, string settings, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(tsv, 0, length);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        var query = "query=" + Uri.EscapeDataString(insert + " FORMAT TabSeparated") + (settings.Length > 0 ? "&" + settings : "");
        using var response = await SendAsync(content, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the node answers <c>/ping</c>.</summary>
    public async Task<(bool Ok, string Error)> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(Address, "ping"), cancellationToken).ConfigureAwait(false);
            return (response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.GetBaseException().Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, "timed out: " + ex.Message);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContent content, string settings, CancellationToken cancellationToken)
    {
        // The session's settings first: when a name repeats, ClickHouse takes the last value, so a statement's own wins.
        var query = settings.Length == 0 ? SessionSettings : SessionSettings.Length == 0 ? settings : SessionSettings + "&" + settings;
        var uri = new Uri(Address, "?" + query);
        HttpResponseMessage response;
        try
        {
            // Headers only: the body is read as a stream. PostAsync would buffer the whole answer first, and fetching
            // 15M customers (xlarge) failed at HttpClient's 2 GiB buffer limit.
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ClickHouseUnreachable(this, ex.GetBaseException().Message, ex);
        }
        finally
        {
            content.Dispose();
        }
        if (response.IsSuccessStatusCode) return response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        var code = CodePattern().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        throw new ClickHouseException($"ClickHouse {HostPort}: {body.Trim().Split('\n')[0]}") { Code = code };
    }

    [GeneratedRegex(@"Code: (\d+)")]
    private static partial Regex CodePattern();
}

/// <summary>A node could not be reached at all (connection refused, DNS, timeout).</summary>
internal sealed class ClickHouseUnreachable(ClickHouseNode node, string reason, Exception inner) : Exception(reason, inner)
{
    public ClickHouseNode Node { get; } = node;
}
