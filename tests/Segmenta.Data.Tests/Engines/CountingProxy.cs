using System.Net;
using System.Net.Sockets;

namespace Segmenta.Data.Tests.Engines;

/// <summary>
/// A TCP forwarder on a loopback port that counts the bytes the server sends to the client: what crossed the wire,
/// measured outside the code under test.
/// </summary>
internal sealed class CountingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private long _serverToClient;

    public CountingProxy(string host, int port)
    {
        _listener.Start();
        _ = AcceptAsync(host, port);
    }

    /// <summary>The loopback port to connect to instead of the server's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes the server has sent through the proxy so far.</summary>
    public long ServerToClientBytes => Interlocked.Read(ref _serverToClient);

    private async Task AcceptAsync(string host, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var server = new TcpClient();
            await server.ConnectAsync(host, port);
            _ = PumpAsync(client.GetStream(), server.GetStream(), counted: false, client, server);
            _ = PumpAsync(server.GetStream(), client.GetStream(), counted: true, client, server);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool counted, TcpClient a, TcpClient b)
    {
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (counted) Interlocked.Add(ref _serverToClient, n);
                await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        a.Dispose();
        b.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
