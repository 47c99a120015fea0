using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Mailbox;

/// <summary>
/// A bare plain-text SMTP conversation, for what MailKit will not say
/// (the null reverse-path, AUTH that was not offered).
/// </summary>
internal sealed class SmtpConversation : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private SmtpConversation(TcpClient tcp)
    {
        _tcp = tcp;
        var stream = tcp.GetStream();
        _reader = new StreamReader(stream, Encoding.ASCII);
        _writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
    }

    public static async Task<SmtpConversation> OpenAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return new SmtpConversation(tcp);
    }

    /// <summary>Reads one reply, all its lines, and returns its code with the lines' texts.</summary>
    public async Task<(int Code, IReadOnlyList<string> Lines)> ReadReplyAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The server closed the connection.");
            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (line.Length < 4 || line[3] != '-')
            {
                return (int.Parse(line[..3]), lines);
            }
        }
    }

    /// <summary>Sends one command line and reads its reply.</summary>
    public async Task<(int Code, IReadOnlyList<string> Lines)> SayAsync(string line)
    {
        await _writer.WriteLineAsync(line);
        return await ReadReplyAsync();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _tcp.Dispose();
    }
}
