using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace TypedMail.Benchmarks;

/// <summary>
/// An in-process TCP proxy on loopback that delays every chunk by half the round-trip time in each direction, in order:
/// a slow link between the client and the server, without touching either.
/// </summary>
public sealed class DelayingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly IPEndPoint _target;
    private readonly TimeSpan _oneWay;
    private readonly Task _accepting;

    public DelayingProxy(string targetHost, int targetPort, TimeSpan roundTrip)
    {
        _target = new IPEndPoint(IPAddress.Parse(targetHost), targetPort);
        _oneWay = roundTrip / 2;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient { NoDelay = true })
        {
            client.NoDelay = true;
            await server.ConnectAsync(_target, _stop.Token);
            var up = PumpAsync(client.GetStream(), server.GetStream());
            var down = PumpAsync(server.GetStream(), client.GetStream());
            await Task.WhenAny(up, down);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var queue = Channel.CreateUnbounded<(long Due, byte[] Bytes)>();
        var writer = Task.Run(async () =>
        {
            await foreach (var (due, bytes) in queue.Reader.ReadAllAsync(_stop.Token))
            {
                var wait = TimeSpan.FromTicks((due - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stop.Token);
                }

                await to.WriteAsync(bytes, _stop.Token);
            }

            to.Socket.Shutdown(SocketShutdown.Send);
        });
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var due = Stopwatch.GetTimestamp() + (long)(_oneWay.TotalSeconds * Stopwatch.Frequency);
                queue.Writer.TryWrite((due, buffer.AsSpan(0, read).ToArray()));
            }
        }
        catch (Exception)
        {
            // The other side closed: the writer drains what was read, then closes its side.
        }

        queue.Writer.TryComplete();
        try
        {
            await writer;
        }
        catch (Exception)
        {
        }
    }
}
