using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Outbox.Tests;

/// <summary>
/// A loopback SMTP server whose answers a test chooses: a 421 greeting to every connection (a storm) while
/// <see cref="Storm"/> is set, and 450 to a RCPT TO for an address in <see cref="DeferredRecipients"/> as many times as
/// its count says. Records every accepted message with the recipients that accepted it.
/// </summary>
internal sealed class AnsweringSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<(string MessageId, IReadOnlyList<string> Recipients)> _received = [];

    public AnsweringSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>True: every connection is greeted with 421 and closed.</summary>
    public volatile bool Storm;

    /// <summary>Address → how many more RCPT TO for it are answered 450.</summary>
    public Dictionary<string, int> DeferredRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Greeted421;

    public IReadOnlyList<(string MessageId, IReadOnlyList<string> Recipients)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
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

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.Latin1);
            var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            if (Storm)
            {
                Interlocked.Increment(ref Greeted421);
                await writer.WriteLineAsync("421 4.3.2 Service not available, try again later");
                return;
            }

            await writer.WriteLineAsync("220 answering.test ESMTP");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 answering.test");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        if (Defer(address))
                        {
                            await writer.WriteLineAsync("450 4.2.1 Mailbox busy, try again later");
                        }
                        else
                        {
                            recipients.Add(address);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 Go ahead");
                        string? messageId = null;
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                            if (messageId is null && data.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                            {
                                messageId = data["Message-ID:".Length..].Trim();
                            }
                        }

                        lock (_received)
                        {
                            _received.Add((messageId ?? "", [.. recipients]));
                        }

                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    private bool Defer(string address)
    {
        lock (DeferredRecipients)
        {
            if (DeferredRecipients.TryGetValue(address, out var left) && left > 0)
            {
                DeferredRecipients[address] = left - 1;
                return true;
            }

            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
