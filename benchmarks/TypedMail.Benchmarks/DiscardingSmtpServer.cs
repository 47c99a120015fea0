using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TypedMail.Benchmarks;

/// <summary>
/// A minimal SMTP server on loopback that answers every command and throws the message data away as it streams in,
/// so that a memory measurement of the client is not mixed with a server's buffers (the Mailbox's engine buffers a
/// whole DATA before storing it).
/// </summary>
internal sealed class DiscardingSmtpServer : IAsyncDisposable
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public DiscardingSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The data bytes received and discarded so far.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    private long _discarded;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[65536];
            var length = 0;
            async Task Reply(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"));

            await Reply("220 discard ESMTP");
            while (true)
            {
                int end;
                while ((end = Array.IndexOf(buffer, (byte)'\n', 0, length)) < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(length));
                    if (read == 0)
                    {
                        return;
                    }

                    length += read;
                }

                var line = Encoding.ASCII.GetString(buffer, 0, end).TrimEnd('\r').ToUpperInvariant();
                Buffer.BlockCopy(buffer, end + 1, buffer, 0, length - end - 1);
                length -= end + 1;
                if (line.StartsWith("QUIT", StringComparison.Ordinal))
                {
                    await Reply("221 bye");
                    return;
                }

                if (!line.StartsWith("DATA", StringComparison.Ordinal))
                {
                    await Reply("250 ok");
                    continue;
                }

                await Reply("354 go ahead");
                length = await DiscardDataAsync(stream, buffer, length);
                await Reply("250 discarded");
            }
        }
    }

    /// <summary>Reads up to the end-of-data marker, keeping nothing; returns how many bytes after it stay in the buffer.</summary>
    private async Task<int> DiscardDataAsync(NetworkStream stream, byte[] buffer, int length)
    {
        // The data starts at a line start, so "CRLF.CRLF" is matched as if a CRLF came just before it.
        var matched = 2;
        while (true)
        {
            for (var i = 0; i < length; i++)
            {
                matched = buffer[i] == EndOfData[matched] ? matched + 1 : buffer[i] == EndOfData[0] ? 1 : 0;
                if (matched == EndOfData.Length)
                {
                    Interlocked.Add(ref _discarded, i + 1);
                    Buffer.BlockCopy(buffer, i + 1, buffer, 0, length - i - 1);
                    return length - i - 1;
                }
            }

            Interlocked.Add(ref _discarded, length);
            length = await stream.ReadAsync(buffer);
            if (length == 0)
            {
                throw new IOException("The client closed the connection in the middle of DATA.");
            }
        }
    }
}
