using System;
using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail;

/// <summary>
/// The message reference of 4D's IC Send Mail theme: a mutable message edited command by command, sent as often as
/// needed (sending never changes it), then cleared. After <see cref="Dispose"/> (4D's SMTP_Clear) every member throws
/// <see cref="ObjectDisposedException"/>. Not thread-safe: one message belongs to one flow of work.
/// </summary>
public sealed partial class SmtpMessage : IDisposable
{
    private readonly List<MailboxAddress> _from = new();
    private readonly List<MailboxAddress> _replyTo = new();
    private readonly List<MailboxAddress> _to = new();
    private readonly List<MailboxAddress> _cc = new();
    private readonly List<MailboxAddress> _bcc = new();
    private readonly Dictionary<string, string> _texts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<KeyValuePair<string, string>> _mimeHeaders = new();
    private readonly List<MessageAttachment> _attachments = new();
    private MailboxAddress? _sender;
    private string? _textBody;
    private string? _htmlBody;
    private DateTimeOffset? _date;
    private string? _host;
    private int _port;
    private int? _timeoutSeconds;
    private string? _userName;
    private string? _password;
    private AuthMode _authMode;
    private long? _maxAttachmentBytes;
    private MessageFormat _format = new();
    private bool _disposed;

    /// <summary>Creates an empty message (4D's SMTP_New).</summary>
    public SmtpMessage()
    {
    }

    /// <summary>Whether the message was cleared.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The From addresses.</summary>
    public IReadOnlyList<MailboxAddress> From => Live(_from).ToArray();

    /// <summary>The Sender address, if any.</summary>
    public MailboxAddress? Sender => Live(_sender);

    /// <summary>The Reply-To addresses.</summary>
    public IReadOnlyList<MailboxAddress> ReplyTo => Live(_replyTo).ToArray();

    /// <summary>The To addresses.</summary>
    public IReadOnlyList<MailboxAddress> To => Live(_to).ToArray();

    /// <summary>The Cc addresses.</summary>
    public IReadOnlyList<MailboxAddress> Cc => Live(_cc).ToArray();

    /// <summary>The Bcc addresses: envelope recipients only, never written into the headers.</summary>
    public IReadOnlyList<MailboxAddress> Bcc => Live(_bcc).ToArray();

    /// <summary>The subject, or <see langword="null"/>.</summary>
    public string? Subject => Text("Subject");

    /// <summary>The plain-text body, or <see langword="null"/>.</summary>
    public string? TextBody => Live(_textBody);

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? HtmlBody => Live(_htmlBody);

    /// <summary>The Date set with <see cref="SetDate"/>; when unset the current date is written at send time.</summary>
    public DateTimeOffset? Date => Live(_date);

    /// <summary>The number of attachments.</summary>
    public int AttachmentCount => Live(_attachments).Count;

    /// <summary>
    /// How the message writes its text (4D's SMTP_Charset and SMTP_SetPrefs, per message): UTF-8 and a transfer
    /// encoding chosen by the MIME writer (7-bit safe) unless set. The 4D facade gives each new message a copy of its SMTP_SetPrefs state.
    /// </summary>
    public MessageFormat Format
    {
        get => Live(_format);
        set
        {
            ThrowIfDisposed();
            _format = (value ?? throw new ArgumentNullException(nameof(value))).Clone();
        }
    }

    /// <summary>The SMTP host (4D's SMTP_Host), or <see langword="null"/>.</summary>
    public string? Host
    {
        get => Live(_host);
        set
        {
            ThrowIfDisposed();
            HeaderText.RefuseLineBreaks(value, "host");
            _host = string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }

    /// <summary>The port; 0 (the default) means the session mode's default port, or the 4D facade's IT_SetPort table.</summary>
    public int Port
    {
        get => Live(_port);
        set
        {
            ThrowIfDisposed();
            if (value is < 0 or > 65535)
            {
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Port {value} is outside 1..65535 (0 = the mode's default).");
            }

            _port = value;
        }
    }

    /// <summary>The timeout of the connection and of each server reply, 1..127 s; <see langword="null"/> = the default (30 s).</summary>
    public int? TimeoutSeconds
    {
        get => Live(_timeoutSeconds);
        set
        {
            ThrowIfDisposed();
            if (value is { } t && (t < 1 || t > SmtpRules.MaxTimeoutSeconds))
            {
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Timeout {t} s is outside 1..{SmtpRules.MaxTimeoutSeconds} s.");
            }

            _timeoutSeconds = value;
        }
    }

    /// <summary>The user name given to <see cref="SetAuth"/> (the password is never readable).</summary>
    public string? UserName => Live(_userName);

    /// <summary>The AUTH mechanism given to <see cref="SetAuth"/>.</summary>
    public AuthMode AuthMode => Live(_authMode);

    /// <summary>Whether the session will authenticate: a user name and a password are both set (4D ignores SMTP_Auth otherwise).</summary>
    public bool HasCredentials => !string.IsNullOrEmpty(Live(_userName)) && !string.IsNullOrEmpty(_password);

    /// <summary>SMTP_Clear: same as <see cref="Dispose"/>.</summary>
    public void Clear() => Dispose();

    /// <summary>Frees the message; every later call throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _from.Clear();
        _replyTo.Clear();
        _to.Clear();
        _cc.Clear();
        _bcc.Clear();
        _texts.Clear();
        _headers.Clear();
        _mimeHeaders.Clear();
        foreach (var attachment in _attachments)
        {
            attachment.Dispose();
        }

        _attachments.Clear();
        _sender = null;
        _textBody = _htmlBody = _host = _userName = _password = null;
    }

    internal void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SmtpMessage), "The message was cleared (SMTP_Clear / Dispose).");
        }
    }

    private T Live<T>(T value)
    {
        ThrowIfDisposed();
        return value;
    }
}
