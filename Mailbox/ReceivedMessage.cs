using System;
using System.Collections.Generic;
using MimeKit;

namespace TypedMail.Mailbox;

/// <summary>A message the mailbox accepted: its envelope, its bytes, and what the session looked like.</summary>
public sealed class ReceivedMessage
{
    internal ReceivedMessage(
        string? mailFrom,
        IReadOnlyList<string> recipients,
        Func<byte[]> rawMime,
        Func<MimeMessage> message,
        bool secure,
        bool startTlsIssued,
        string? authenticatedUser,
        string? emlPath,
        DateTimeOffset receivedAt,
        MailboxSession session,
        SessionTranscript transcript,
        IDisposable storage)
    {
        MailFrom = mailFrom;
        Recipients = recipients;
        _rawMime = new Lazy<byte[]>(rawMime);
        _storage = storage;
        _message = new Lazy<MimeMessage>(message);
        Secure = secure;
        StartTlsIssued = startTlsIssued;
        AuthenticatedUser = authenticatedUser;
        EmlPath = emlPath;
        ReceivedAt = receivedAt;
        Session = session;
        Transcript = transcript;
    }

    /// <summary>The envelope MAIL FROM address ("" for the null sender).</summary>
    public string? MailFrom { get; }

    /// <summary>The envelope RCPT TO addresses that were accepted, in order.</summary>
    public IReadOnlyList<string> Recipients { get; }

    private readonly Lazy<byte[]> _rawMime;
    private readonly Lazy<MimeMessage> _message;
    private readonly IDisposable _storage;

    /// <summary>
    /// Exactly the bytes received after DATA (dot-stuffing removed). With <see cref="MailboxOptions.EmlDirectory"/> the
    /// message lives in its .eml file and this reads it on first use.
    /// </summary>
    public byte[] RawMime => _rawMime.Value;

    /// <summary>
    /// <see cref="RawMime"/> parsed, on first use (then kept): a server that receives many messages keeps their bytes,
    /// not their parsed form, until asked.
    /// </summary>
    public MimeMessage Message => _message.Value;

    /// <summary>True once <see cref="Message"/> has been parsed (for tests).</summary>
    internal bool IsParsed => _message.IsValueCreated;

    /// <summary>True when the session was on TLS when DATA arrived.</summary>
    public bool Secure { get; }

    /// <summary>True when the client sent STARTTLS in this session.</summary>
    public bool StartTlsIssued { get; }

    /// <summary>The user the session authenticated as; null when it did not.</summary>
    public string? AuthenticatedUser { get; }

    /// <summary>The .eml file written for it, when <see cref="MailboxOptions.EmlDirectory"/> is set.</summary>
    public string? EmlPath { get; }

    /// <summary>When the mailbox accepted it.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The session it arrived in.</summary>
    public MailboxSession Session { get; }

    /// <summary>The session's opening and this message's own transaction: its share of <see cref="MailboxSession.Commands"/>.</summary>
    public SessionTranscript Transcript { get; }

    /// <summary>Closes the .eml file the parsed message reads its parts from (when stored on disk).</summary>
    internal void Release() => _storage.Dispose();
}
