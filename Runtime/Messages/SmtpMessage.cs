using System;
using System.Collections.Generic;
using System.IO;
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
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Length", "MIME-Version",
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date",
    };

    private readonly List<MailboxAddress> _from = new();
    private readonly List<MailboxAddress> _replyTo = new();
    private readonly List<MailboxAddress> _to = new();
    private readonly List<MailboxAddress> _cc = new();
    private readonly List<MailboxAddress> _bcc = new();
    private readonly Dictionary<string, string> _texts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string>> _headers = new();
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

    /// <summary>SMTP_From: the author addresses.</summary>
    public void SetFrom(string addresses, AddressOption option = AddressOption.Append) => EditList(_from, addresses, option, "From", removeListedOnly: false);

    /// <summary>SMTP_Sender: the one address that actually sends (Append and Replace both set it; an empty text or Remove clears it).</summary>
    public void SetSender(string address, AddressOption option = AddressOption.Replace)
    {
        ThrowIfDisposed();
        CheckOption(option);
        if (option == AddressOption.Remove)
        {
            _sender = null;
            return;
        }

        var list = MailboxList.Parse(address, "Sender");
        if (list.Count > 1)
        {
            throw new TypedMailException(ErrorCodes.InvalidAddress, "Sender: give one address, not a list.");
        }

        if (list.Count == 1)
        {
            _sender = list[0];
        }
        else if (option == AddressOption.Replace)
        {
            _sender = null;
        }
    }

    /// <summary>SMTP_ReplyTo: option <see cref="AddressOption.Remove"/> removes only the addresses given.</summary>
    public void SetReplyTo(string addresses, AddressOption option = AddressOption.Append) => EditList(_replyTo, addresses, option, "Reply-To", removeListedOnly: true);

    /// <summary>SMTP_To.</summary>
    public void SetTo(string addresses, AddressOption option = AddressOption.Append) => EditList(_to, addresses, option, "To", removeListedOnly: false);

    /// <summary>SMTP_Cc.</summary>
    public void SetCc(string addresses, AddressOption option = AddressOption.Append) => EditList(_cc, addresses, option, "Cc", removeListedOnly: false);

    /// <summary>SMTP_Bcc: envelope recipients, never written into the headers.</summary>
    public void SetBcc(string addresses, AddressOption option = AddressOption.Append) => EditList(_bcc, addresses, option, "Bcc", removeListedOnly: false);

    /// <summary>SMTP_Subject (UTF-8, RFC 2047 encoded when needed).</summary>
    public void SetSubject(string text, TextOption option = TextOption.ReplaceUnlessEmpty) => EditText("Subject", text, option);

    /// <summary>SMTP_Comments: the Comments header.</summary>
    public void SetComments(string text, TextOption option = TextOption.ReplaceUnlessEmpty) => EditText("Comments", text, option);

    /// <summary>SMTP_Keywords: the Keywords header.</summary>
    public void SetKeywords(string text, TextOption option = TextOption.ReplaceUnlessEmpty) => EditText("Keywords", text, option);

    /// <summary>SMTP_References: the References header (message identifiers).</summary>
    public void SetReferences(string text, TextOption option = TextOption.ReplaceUnlessEmpty) => EditText("References", text, option);

    /// <summary>SMTP_InReplyTo: the In-Reply-To header (a message identifier).</summary>
    public void SetInReplyTo(string text, TextOption option = TextOption.ReplaceUnlessEmpty) => EditText("In-Reply-To", text, option);

    /// <summary>SMTP_Encrypted: the (historic RFC 822) Encrypted header.</summary>
    public void SetEncrypted(string text, TextOption option = TextOption.ReplaceUnlessEmpty) => EditText("Encrypted", text, option);

    /// <summary>The value of one of the text headers (Subject, Comments, Keywords, References, In-Reply-To, Encrypted), or <see langword="null"/>.</summary>
    public string? Text(string headerName)
    {
        ThrowIfDisposed();
        return _texts.TryGetValue(headerName, out var value) ? value : null;
    }

    /// <summary>SMTP_Body: the plain-text body, or the HTML body when <paramref name="html"/> (4D's +4). Both kept apart; with both, multipart/alternative.</summary>
    public void SetBody(string text, BodyOption option = BodyOption.ReplaceUnlessEmpty, bool html = false)
    {
        ThrowIfDisposed();
        if (option is < BodyOption.ReplaceUnlessEmpty or > BodyOption.Append)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"Body option {(int)option} is not 0, 1 or 2.");
        }

        var current = html ? _htmlBody : _textBody;
        var empty = string.IsNullOrEmpty(text);
        var next = option switch
        {
            BodyOption.ReplaceUnlessEmpty => empty ? current : text,
            BodyOption.Replace => empty ? null : text,
            _ => empty ? current : (current ?? string.Empty) + text,
        };

        if (html)
        {
            _htmlBody = next;
        }
        else
        {
            _textBody = next;
        }
    }

    /// <summary>SMTP_AddHeader: a custom header. A trailing colon on the name is tolerated; structural headers are refused.</summary>
    public void AddHeader(string name, string value, HeaderOption option = HeaderOption.Add)
    {
        ThrowIfDisposed();
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        HeaderText.RefuseLineBreaks(name, "header name");
        name = name.Trim();
        if (name.EndsWith(":", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 1).TrimEnd();
        }

        if (!HeaderText.IsFieldName(name))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"'{name}' is not a header name (printable ASCII, no space, no colon).");
        }

        if (ReservedHeaders.Contains(name))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument,
                $"The header '{name}' is written by TypedMail itself (use the matching command: SMTP_From, SMTP_To, SMTP_Subject, SMTP_Date, SMTP_Body...); adding it would corrupt the message.");
        }

        switch (option)
        {
            case HeaderOption.Add:
                HeaderText.RefuseLineBreaks(value, $"value of header '{name}'");
                _headers.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
                break;
            case HeaderOption.ReplaceAll:
                HeaderText.RefuseLineBreaks(value, $"value of header '{name}'");
                _headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
                _headers.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
                break;
            case HeaderOption.RemoveAll:
                _headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
                break;
            default:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Header option {(int)option} is not 0, 1 or 2.");
        }
    }

    /// <summary>The values of the custom headers of that name, in order.</summary>
    public IReadOnlyList<string> HeaderValues(string name)
    {
        ThrowIfDisposed();
        return _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
    }

    /// <summary>Adds an attachment held in memory; a <paramref name="contentId"/> makes it an inline part for <c>cid:</c> references.</summary>
    public void AddAttachment(string fileName, byte[] content, string? mimeType = null, string? contentId = null)
    {
        ThrowIfDisposed();
        if (fileName is null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        CheckAttachmentText(fileName, mimeType, contentId);
        _attachments.Add(new MessageAttachment(null, (byte[])content.Clone(), fileName, mimeType, contentId, 2));
    }

    /// <summary>
    /// SMTP_Attachment: a file read at send time. <paramref name="encodeType"/> is 4D's: 2 = Base64 at send time,
    /// -2 = the file is already Base64, 0 = no encoding asked (MimeKit picks a transfer encoding the server accepts);
    /// ±1 and ±3..±7 (BinHex, AppleSingle, AppleDouble, UUEncode) are refused with 10001.
    /// </summary>
    public void AttachFile(string path, int encodeType = 2, AttachmentOption option = AttachmentOption.Add, string? contentId = null, string? mimeType = null)
    {
        ThrowIfDisposed();
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        switch (option)
        {
            case AttachmentOption.Remove:
                RemoveAttachment(path);
                return;
            case AttachmentOption.ReplaceAll when path.Length == 0:
                _attachments.Clear();
                return;
            case AttachmentOption.Add or AttachmentOption.ReplaceAll:
                break;
            default:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Attachment option {(int)option} is not 0, 1 or 2.");
        }

        if (encodeType is not (0 or 2 or -2))
        {
            throw new TypedMailException(ErrorCodes.Unimplemented,
                $"Attachment encode type {encodeType} (BinHex, AppleSingle, AppleDouble or UUEncode) is not supported: use 2 (Base64), -2 (already Base64) or 0 (none).");
        }

        if (!File.Exists(path))
        {
            throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{path}' does not exist.");
        }

        CheckAttachmentText(Path.GetFileName(path), mimeType, contentId);
        if (option == AttachmentOption.ReplaceAll)
        {
            _attachments.Clear();
        }

        _attachments.Add(new MessageAttachment(path, null, Path.GetFileName(path), mimeType, contentId, encodeType));
    }

    /// <summary>Removes the attachments added from this path (or, for in-memory attachments, with this file name).</summary>
    public void RemoveAttachment(string pathOrFileName)
    {
        ThrowIfDisposed();
        _attachments.RemoveAll(a => a.Path is { } p
            ? string.Equals(Path.GetFullPath(p), Path.GetFullPath(pathOrFileName), StringComparison.Ordinal)
            : string.Equals(a.FileName, pathOrFileName, StringComparison.Ordinal));
    }

    /// <summary>Removes every attachment.</summary>
    public void ClearAttachments()
    {
        ThrowIfDisposed();
        _attachments.Clear();
    }

    /// <summary>SMTP_Date option 0: the Date header.</summary>
    public void SetDate(DateTimeOffset date)
    {
        ThrowIfDisposed();
        _date = date;
    }

    /// <summary>SMTP_Date option 1: no Date of its own; the current date is written at send time.</summary>
    public void RemoveDate()
    {
        ThrowIfDisposed();
        _date = null;
    }

    /// <summary>
    /// SMTP_Auth: the credentials and mechanism. An empty user or password means no authentication, as in 4D.
    /// </summary>
    public void SetAuth(string? userName, string? password, AuthMode mode = AuthMode.Default)
    {
        ThrowIfDisposed();
        if (mode is < AuthMode.Default or > AuthMode.CramMd5)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"AUTH mode {(int)mode} is not 0, 1, 2 or 3.");
        }

        _userName = string.IsNullOrEmpty(userName) ? null : userName;
        _password = string.IsNullOrEmpty(password) ? null : password;
        _authMode = mode;
    }

    /// <summary>
    /// The settings a send of this message uses: its host, port, timeout and credentials with <paramref name="mode"/>.
    /// Adjust the copy (e.g. <see cref="SmtpSettings.AcceptedServerCertificate"/>) and pass it to <see cref="SendAsync(SmtpSettings, System.Threading.CancellationToken)"/>.
    /// </summary>
    public SmtpSettings ToSettings(SessionMode mode = SessionMode.Upgradable)
    {
        ThrowIfDisposed();
        var credentials = HasCredentials;
        return new SmtpSettings
        {
            Host = _host,
            Port = _port,
            Mode = mode,
            Auth = _authMode,
            UserName = credentials ? _userName : null,
            Password = credentials ? _password : null,
            TimeoutSeconds = _timeoutSeconds ?? 30,
        };
    }

    /// <summary>SMTP_Send: sends with this message's own settings and <paramref name="mode"/>. The message is not changed.</summary>
    public SendResult Send(SessionMode mode = SessionMode.Upgradable) =>
        System.Threading.Tasks.Task.Run(() => SendAsync(mode)).GetAwaiter().GetResult();

    /// <summary>Sends with this message's own settings and <paramref name="mode"/> over a connection of its own.</summary>
    public System.Threading.Tasks.Task<SendResult> SendAsync(SessionMode mode = SessionMode.Upgradable, System.Threading.CancellationToken cancellationToken = default) =>
        SendAsync(ToSettings(mode), cancellationToken);

    /// <summary>Sends with the given settings over a connection of its own, closed afterwards.</summary>
    public async System.Threading.Tasks.Task<SendResult> SendAsync(SmtpSettings settings, System.Threading.CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        using var sender = new SmtpSender(settings);
        return await sender.SendAsync(this, cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>The envelope recipients: To, Cc and Bcc, each address once.</summary>
    internal List<MailboxAddress> EnvelopeRecipients()
    {
        ThrowIfDisposed();
        var result = new List<MailboxAddress>();
        foreach (var mailbox in _to.Concat(_cc).Concat(_bcc))
        {
            if (!result.Any(r => MailboxList.SameAddress(r, mailbox)))
            {
                result.Add(mailbox);
            }
        }

        return result;
    }

    /// <summary>The envelope sender: Sender when set, else the first From.</summary>
    internal MailboxAddress? EnvelopeSender()
    {
        ThrowIfDisposed();
        return _sender ?? _from.FirstOrDefault();
    }

    private static void CheckOption(AddressOption option)
    {
        if (option is < AddressOption.Append or > AddressOption.Remove)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"Address option {(int)option} is not 0, 1 or 2.");
        }
    }

    private static void CheckAttachmentText(string fileName, string? mimeType, string? contentId)
    {
        HeaderText.RefuseLineBreaks(fileName, "attachment file name");
        HeaderText.RefuseLineBreaks(mimeType, "attachment MIME type");
        HeaderText.RefuseLineBreaks(contentId, "attachment content-id");
        if (!string.IsNullOrEmpty(mimeType) && !ContentType.TryParse(mimeType!, out _))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"'{mimeType}' is not a MIME type.");
        }
    }

    private void EditList(List<MailboxAddress> list, string addresses, AddressOption option, string field, bool removeListedOnly)
    {
        ThrowIfDisposed();
        CheckOption(option);
        if (option == AddressOption.Remove && !removeListedOnly)
        {
            list.Clear();
            return;
        }

        var parsed = MailboxList.Parse(addresses, field);
        switch (option)
        {
            case AddressOption.Append:
                list.AddRange(parsed);
                break;
            case AddressOption.Replace:
                list.Clear();
                list.AddRange(parsed);
                break;
            default:
                list.RemoveAll(existing => parsed.Any(p => MailboxList.SameAddress(existing, p)));
                break;
        }
    }

    private void EditText(string header, string text, TextOption option)
    {
        ThrowIfDisposed();
        switch (option)
        {
            case TextOption.ReplaceUnlessEmpty:
                if (!string.IsNullOrEmpty(text))
                {
                    HeaderText.RefuseLineBreaks(text, header);
                    _texts[header] = text;
                }

                break;
            case TextOption.Replace:
                HeaderText.RefuseLineBreaks(text, header);
                if (string.IsNullOrEmpty(text))
                {
                    _texts.Remove(header);
                }
                else
                {
                    _texts[header] = text;
                }

                break;
            case TextOption.Remove:
                _texts.Remove(header);
                break;
            default:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Text option {(int)option} is not 0, 1 or 2.");
        }
    }

    private T Live<T>(T value)
    {
        ThrowIfDisposed();
        return value;
    }
}
