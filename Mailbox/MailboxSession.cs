using System;
using System.Collections.Generic;
using System.Security.Authentication;

namespace TypedMail.Mailbox;

/// <summary>What happened on the wire in one SMTP session, delivered or not.</summary>
public sealed class MailboxSession
{
    // Written by the session's thread, read by tests on another one.
    private readonly object _gate = new();
    private readonly List<string> _commands = new();
    private readonly List<string> _rejectedRecipients = new();
    private bool _startTlsIssued;
    private bool _secure;
    private string? _authMechanism;
    private string? _tlsProtocol;
    private string? _authenticatedUser;
    private int _failedAuthentications;
    private int _messagesReceived;
    private bool _completed;
    private int? _openingEnd;
    private string[]? _opening;
    private int _transactionStart;

    internal MailboxSession(int number, DateTimeOffset startedAt)
    {
        Number = number;
        StartedAt = startedAt;
    }

    /// <summary>1 for the server's first session, then 2, 3...</summary>
    public int Number { get; }

    /// <summary>When the client connected.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The SMTP verbs the client sent that reached execution (EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA...), in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get { lock (_gate) { return _commands.ToArray(); } }
    }

    /// <summary>True once the client has sent STARTTLS.</summary>
    public bool StartTlsIssued
    {
        get { lock (_gate) { return _startTlsIssued; } }
    }

    /// <summary>True when the session was on TLS at its last command.</summary>
    public bool Secure
    {
        get { lock (_gate) { return _secure; } }
    }

    /// <summary>The TLS protocol the session used when it was last seen on TLS (e.g. "Tls13"); null when it never was.</summary>
    public string? TlsProtocol
    {
        get { lock (_gate) { return _tlsProtocol; } }
    }

    /// <summary>The mechanism of the last AUTH command ("PLAIN" or "LOGIN"); null when the client sent none.</summary>
    public string? AuthMechanism
    {
        get { lock (_gate) { return _authMechanism; } }
    }

    /// <summary>The user the session authenticated as; null when it did not.</summary>
    public string? AuthenticatedUser
    {
        get { lock (_gate) { return _authenticatedUser; } }
    }

    /// <summary>How many AUTH attempts were refused (535).</summary>
    public int FailedAuthentications
    {
        get { lock (_gate) { return _failedAuthentications; } }
    }

    /// <summary>The RCPT TO addresses refused with 550 in this session.</summary>
    public IReadOnlyList<string> RejectedRecipients
    {
        get { lock (_gate) { return _rejectedRecipients.ToArray(); } }
    }

    /// <summary>How many messages were accepted in this session.</summary>
    public int MessagesReceived
    {
        get { lock (_gate) { return _messagesReceived; } }
    }

    /// <summary>True once the session has ended (QUIT, disconnect, fault or server stop).</summary>
    public bool Completed
    {
        get { lock (_gate) { return _completed; } }
    }

    internal void RecordCommand(string verb, bool secure, string? authMechanism)
    {
        lock (_gate)
        {
            if (_openingEnd is null && string.Equals(verb, "MAIL", StringComparison.OrdinalIgnoreCase))
            {
                _openingEnd = _transactionStart = _commands.Count;
            }

            _commands.Add(verb);
            _secure = secure;
            if (string.Equals(verb, "STARTTLS", StringComparison.OrdinalIgnoreCase))
            {
                _startTlsIssued = true;
            }

            if (authMechanism is not null)
            {
                _authMechanism = authMechanism;
            }
        }
    }

    internal void RecordTlsProtocol(SslProtocols protocol)
    {
        if (protocol != SslProtocols.None)
        {
            lock (_gate) { _tlsProtocol = protocol.ToString(); }
        }
    }

    internal void RecordAuthentication(string user, bool accepted)
    {
        lock (_gate)
        {
            if (accepted)
            {
                _authenticatedUser = user;
            }
            else
            {
                _failedAuthentications++;
            }
        }
    }

    internal void RecordRejectedRecipient(string address)
    {
        lock (_gate) { _rejectedRecipients.Add(address); }
    }

    /// <summary>
    /// Counts an accepted message and closes its transaction: the commands since the previous message (or since the
    /// session's opening) up to its DATA. The opening is one array shared by every message of the session, so a merge of
    /// many messages over one connection keeps each message's share of the session constant.
    /// </summary>
    internal SessionTranscript RecordMessage(bool secure)
    {
        lock (_gate)
        {
            var openingEnd = _openingEnd ?? _commands.Count;
            _opening ??= _commands.GetRange(0, openingEnd).ToArray();
            var start = Math.Max(_transactionStart, openingEnd);
            var transaction = _commands.GetRange(start, _commands.Count - start).ToArray();
            _transactionStart = _commands.Count;
            var earlier = _messagesReceived;
            _messagesReceived++;
            _secure = secure;
            return new SessionTranscript(_opening, transaction, earlier);
        }
    }

    internal void RecordCompleted()
    {
        lock (_gate) { _completed = true; }
    }
}
