using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>One connection to the <see cref="ScriptedSmtpServer"/>: RFC 5321's commands, STARTTLS, AUTH PLAIN/LOGIN, and the armed faults.</summary>
internal sealed class ScriptedConnection
{
    private readonly ScriptedSmtpServer _server;
    private readonly TcpClient _client;
    private readonly ScriptedConnectionRecord _record;
    private readonly CancellationToken _stop;
    private readonly List<string> _recipients = new();
    private LineStream _io = null!;
    private bool _secure;
    private Fault? _helloFault;
    private string? _from;
    private string _mailCommand = string.Empty;
    private bool _closeAfterTransaction;

    public ScriptedConnection(ScriptedSmtpServer server, TcpClient client, ScriptedConnectionRecord record, CancellationToken stop)
    {
        _server = server;
        _client = client;
        _record = record;
        _stop = stop;
    }

    private enum Verdict
    {
        Proceed,
        Refused,
        End,
    }

    private ScriptedServerOptions Options => _server.Options;

    public async Task RunAsync()
    {
        try
        {
            await ConverseAsync();
        }
        catch (Exception)
        {
            // The client went away, or the test ended: the record already says what happened.
        }
        finally
        {
            _client.Dispose();
        }
    }

    private async Task ConverseAsync()
    {
        var network = _client.GetStream();
        _client.NoDelay = true;
        _io = new LineStream(network, Options.Fragmenter);
        if (!_server.TryEnter())
        {
            _record.TurnedAway = true;
            await ReplyAsync("421 4.7.0 Too many connections, try again later");
            return;
        }

        try
        {
            await ConverseAdmittedAsync(network);
        }
        finally
        {
            _server.Leave();
        }
    }

    private async Task ConverseAdmittedAsync(NetworkStream network)
    {
        if (_server.TryTake(FaultStage.Connect, out var greetingFault) && await ApplyAsync(greetingFault) != Verdict.Proceed)
        {
            return;
        }

        await ReplyAsync("220 scripted.test ESMTP ready");
        while (true)
        {
            var line = await _io.ReadLineAsync(_stop);
            if (line is null)
            {
                return;
            }

            var verb = (line.Split(' ', 2)[0]).ToUpperInvariant();
            _record.Command(verb == "AUTH" ? string.Join(' ', line.Split(' ') is var p && p.Length > 1 ? new[] { p[0], p[1], "***" } : p) : line);
            var end = verb switch
            {
                "EHLO" or "HELO" => await HelloAsync(verb == "EHLO"),
                "STARTTLS" => await StartTlsAsync(network),
                "AUTH" => await AuthAsync(line),
                "MAIL" => await MailAsync(line),
                "RCPT" => await RcptAsync(line),
                "DATA" => await DataAsync(),
                "RSET" => await ResetAsync(),
                "NOOP" => await ReplyAsync("250 2.0.0 Ok"),
                "QUIT" => await QuitAsync(),
                _ => await ReplyAsync("500 5.5.2 Command not recognised"),
            };
            if (end)
            {
                return;
            }
        }
    }

    private async Task<bool> HelloAsync(bool extended)
    {
        if (_helloFault is null && _server.TryTake(FaultStage.Ehlo, out var fault))
        {
            _helloFault = fault;
        }

        if (_helloFault is not null)
        {
            // The same fault answers EHLO and the HELO MailKit falls back to.
            return await ApplyAsync(_helloFault) == Verdict.End;
        }

        if (!extended)
        {
            return await ReplyAsync("250 scripted.test");
        }

        var lines = new List<string> { "scripted.test", "ENHANCEDSTATUSCODES", $"SIZE {Options.AnnouncedSize}" };
        if (Options.Offer8BitMime)
        {
            lines.Add("8BITMIME");
        }

        if (Options.OfferPipelining)
        {
            lines.Add("PIPELINING");
        }

        if (Options.OfferSmtpUtf8)
        {
            lines.Add("SMTPUTF8");
        }

        if (Options.OfferStartTls && !_secure)
        {
            lines.Add("STARTTLS");
        }

        if (Options.OfferAuth && (_secure || Options.OfferAuthInClear))
        {
            lines.Add("AUTH PLAIN LOGIN");
        }

        var reply = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            reply.Append("250").Append(i == lines.Count - 1 ? ' ' : '-').Append(lines[i]);
            if (i < lines.Count - 1)
            {
                reply.Append("\r\n");
            }
        }

        return await ReplyAsync(reply.ToString());
    }

    private async Task<bool> StartTlsAsync(NetworkStream network)
    {
        if (_server.TryTake(FaultStage.StartTls, out var fault) && await ApplyAsync(fault) is var verdict && verdict != Verdict.Proceed)
        {
            return verdict == Verdict.End;
        }

        if (!Options.OfferStartTls || _secure)
        {
            return await ReplyAsync("502 5.5.1 STARTTLS not offered");
        }

        await ReplyAsync("220 2.0.0 Ready to start TLS");
        if (_server.TryTake(FaultStage.TlsHandshake, out var handshakeFault))
        {
            // Nothing of the handshake is answered: dropped at once, or after a silent stall.
            if (handshakeFault.Kind == FaultKind.Stall)
            {
                await Task.Delay(Options.Stall, _stop);
            }

            return true;
        }

        if (Options.BreakTlsHandshake)
        {
            // A fatal TLS alert (handshake_failure) instead of a ServerHello, and the connection stays open: the client
            // must see a failed handshake, not a lost connection. Sent after the ClientHello arrives, so that it is
            // not read together with the 220.
            _ = await network.ReadAsync(new byte[4096], _stop);
            await network.WriteAsync(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28 }, _stop);
            await Task.Delay(Options.Stall, _stop);
            return true;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = ScriptedSmtpServer.Certificate }, _stop);
        _io.Swap(tls);
        _secure = true;
        _helloFault = null;
        ResetTransaction();
        return false;
    }

    private async Task<bool> AuthAsync(string line)
    {
        if (_server.TryTake(FaultStage.Auth, out var fault) && await ApplyAsync(fault) is var verdict && verdict != Verdict.Proceed)
        {
            return verdict == Verdict.End;
        }

        var parts = line.Split(' ');
        var mechanism = parts.Length > 1 ? parts[1].ToUpperInvariant() : string.Empty;
        _record.Authentication(mechanism, _secure);
        if (!Options.OfferAuth || (!_secure && !Options.OfferAuthInClear))
        {
            return await ReplyAsync("503 5.5.1 AUTH not offered");
        }

        string? user;
        string? password;
        switch (mechanism)
        {
            case "PLAIN":
            {
                var initial = parts.Length > 2 ? parts[2] : await ChallengeAsync("334 ");
                var decoded = Decode(initial)?.Split('\0');
                user = decoded is { Length: 3 } ? decoded[1] : null;
                password = decoded is { Length: 3 } ? decoded[2] : null;
                break;
            }

            case "LOGIN":
                user = Decode(parts.Length > 2 ? parts[2] : await ChallengeAsync("334 VXNlcm5hbWU6"));
                password = Decode(await ChallengeAsync("334 UGFzc3dvcmQ6"));
                break;
            default:
                return await ReplyAsync("504 5.5.4 Unrecognised authentication type");
        }

        return user == Options.User && password == Options.Password
            ? await ReplyAsync("235 2.7.0 Authentication successful")
            : await ReplyAsync(Options.AuthRefusal);
    }

    private async Task<string?> ChallengeAsync(string challenge)
    {
        await ReplyAsync(challenge);
        return await _io.ReadLineAsync(_stop);
    }

    private async Task<bool> MailAsync(string line)
    {
        var planned = _server.BeginTransaction();
        if (planned is { Stage: FaultStage.Connect or FaultStage.Ehlo or FaultStage.StartTls or FaultStage.Auth })
        {
            // A fault of the session's opening: end this connection after the transaction so that the next one meets it.
            _closeAfterTransaction = true;
        }

        if (_server.TryTake(FaultStage.Mail, out var fault) && await ApplyAsync(fault) is var verdict && verdict != Verdict.Proceed)
        {
            return verdict == Verdict.End;
        }

        var address = AddressOf(line);
        if (Options.RefusedSenders.Contains(address))
        {
            ResetTransaction();
            return await ReplyAsync("550 5.7.1 Sender refused");
        }

        _from = address;
        _mailCommand = line;
        _recipients.Clear();
        return await ReplyAsync("250 2.1.0 Ok");
    }

    private async Task<bool> RcptAsync(string line)
    {
        if (_server.TryTake(FaultStage.Rcpt, out var fault) && await ApplyAsync(fault) is var verdict && verdict != Verdict.Proceed)
        {
            return verdict == Verdict.End;
        }

        if (_from is null)
        {
            return await ReplyAsync("503 5.5.1 Bad sequence of commands: MAIL first");
        }

        var address = AddressOf(line);
        if (Options.RefusedRecipients.Contains(address))
        {
            return await ReplyAsync("550 5.1.1 No such user");
        }

        _recipients.Add(address);
        return await ReplyAsync("250 2.1.5 Ok");
    }

    private async Task<bool> DataAsync()
    {
        if (_server.TryTake(FaultStage.Data, out var fault) && await ApplyAsync(fault) is var verdict && verdict != Verdict.Proceed)
        {
            return verdict == Verdict.End;
        }

        if (_from is null || _recipients.Count == 0)
        {
            return await ReplyAsync("503 5.5.1 Bad sequence of commands: no valid recipient");
        }

        if (Options.DataRefusal is { } refusal)
        {
            ResetTransaction();
            return await ReplyAsync(refusal);
        }

        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
        var duringData = _server.TryTake(FaultStage.DuringData, out var dataFault) ? dataFault : null;
        var data = new StringBuilder();
        var lines = 0;
        while (true)
        {
            var line = await _io.ReadLineAsync(_stop);
            if (line is null)
            {
                return true;
            }

            if (duringData is not null && ++lines == 3)
            {
                // Part of the message arrived, not its end: nothing is stored.
                if (duringData.Kind is FaultKind.Stall)
                {
                    await Task.Delay(Options.Stall, _stop);
                }

                return true;
            }

            if (line == ".")
            {
                break;
            }

            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        var mail = new ScriptedMail(_record.Number, _from, _recipients.ToArray(), _mailCommand, data.ToString(), HeaderOf(data, "Message-ID"), HeaderOf(data, "Subject"));
        ResetTransaction();
        if (_server.TryTake(FaultStage.AfterDot, out var afterDot))
        {
            switch (afterDot.Kind)
            {
                case FaultKind.Drop:
                    // Stored, then the connection is lost before the reply: the client cannot know.
                    _server.Store(mail);
                    return true;
                case FaultKind.Stall:
                    _server.Store(mail);
                    await Task.Delay(Options.Stall, _stop);
                    return true;
                case FaultKind.Slow:
                    await SlowAsync();
                    break;
                default:
                    return await ReplyAsync(afterDot.Reply);
            }
        }

        if (data.Length > Options.AnnouncedSize)
        {
            // Like many servers, the SIZE= of MAIL FROM is not checked: the whole message arrives, then is refused.
            return await ReplyAsync("552 5.3.4 Message size exceeds fixed maximum message size");
        }

        _server.Store(mail);
        await ReplyAsync("250 2.0.0 Ok: queued");
        return _closeAfterTransaction;
    }

    private async Task<bool> ResetAsync()
    {
        ResetTransaction();
        return await ReplyAsync("250 2.0.0 Ok");
    }

    private async Task<bool> QuitAsync()
    {
        _record.QuitReceived = true;
        await ReplyAsync("221 2.0.0 Bye");
        return true;
    }

    /// <summary>Holds a slow reply: until the options' condition holds (bounded by the loopback patience), else for the stall.</summary>
    private async Task SlowAsync()
    {
        if (Options.SlowUntil is not { } condition)
        {
            await Task.Delay(Options.Stall, _stop);
            return;
        }

        var patience = Stopwatch.StartNew();
        while (!condition(_server) && patience.Elapsed < LoopbackServers.Patience)
        {
            await Task.Delay(5, _stop);
        }
    }

    /// <summary>Applies a fault; Proceed lets the command go on normally (a slow reply).</summary>
    private async Task<Verdict> ApplyAsync(Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Drop:
                return Verdict.End;
            case FaultKind.Stall:
                await Task.Delay(Options.Stall, _stop);
                return Verdict.End;
            case FaultKind.Slow:
                await SlowAsync();
                return Verdict.Proceed;
            default:
                await ReplyAsync(fault.Reply);
                if (fault.Stage is FaultStage.Mail)
                {
                    ResetTransaction();
                }

                // A refused greeting, or 421 anywhere, ends the connection (RFC 5321 §3.8).
                return fault.Stage == FaultStage.Connect || fault.ReplyCode == 421 ? Verdict.End : Verdict.Refused;
        }
    }

    private async Task<bool> ReplyAsync(string reply)
    {
        await _io.WriteLineAsync(reply, _stop);
        return false;
    }

    private void ResetTransaction()
    {
        _from = null;
        _recipients.Clear();
    }

    private static string AddressOf(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : string.Empty;
    }

    private static string? Decode(string? base64)
    {
        try
        {
            return base64 is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? HeaderOf(StringBuilder data, string name)
    {
        foreach (var line in data.ToString().Split("\r\n"))
        {
            if (line.Length == 0)
            {
                return null;
            }

            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim().Trim('<', '>');
            }
        }

        return null;
    }
}
