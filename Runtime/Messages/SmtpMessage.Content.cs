using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MimeKit;

namespace TypedMail;

public sealed partial class SmtpMessage
{
    /// <summary>The text headers that have a command of their own; SMTP_AddHeader routes them there.</summary>
    private static readonly string[] TextHeaders = ["Subject", "Comments", "Keywords", "References", "In-Reply-To", "Encrypted"];

    /// <summary>MIME headers of the body: given with SMTP_AddHeader, they and the body text are sent as written.</summary>
    private static readonly HashSet<string> MimeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Description", "Content-Language", "Content-Location",
    };

    /// <summary>Headers MimeKit writes itself or that mean nothing in SMTP: accepted and not written.</summary>
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.OrdinalIgnoreCase) { "MIME-Version", "Content-Length" };

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

    /// <summary>
    /// SMTP_AddHeader: any header, as 4D accepts it (a trailing colon on the name is tolerated). Headers with a command of
    /// their own go through it, with its checks: From, Sender, Reply-To, To, Cc, Bcc (address lists; Bcc stays
    /// envelope-only), Subject, Comments, Keywords, References, In-Reply-To, Encrypted, Date (an RFC 5322 date). MIME
    /// headers (Content-Type, Content-Transfer-Encoding, Content-Disposition, Content-ID...) make the body go out as 4D
    /// wrote it: those headers and the body text as they are (a hand-made multipart body included), attachments after it.
    /// MIME-Version and Content-Length are accepted and not written (MimeKit writes MIME-Version itself). Options: 0 adds
    /// (a single header such as Subject is replaced), 1 replaces all of that name, 2 removes all of that name.
    /// </summary>
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

        if (option is < HeaderOption.Add or > HeaderOption.RemoveAll)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"Header option {(int)option} is not 0, 1 or 2.");
        }

        if (RouteHeader(name, value ?? string.Empty, option))
        {
            return;
        }

        var list = MimeHeaders.Contains(name) ? _mimeHeaders : _headers;
        if (list == _mimeHeaders && option != HeaderOption.RemoveAll)
        {
            CheckMimeHeader(name, value ?? string.Empty);
        }

        switch (option)
        {
            case HeaderOption.Add:
                HeaderText.RefuseLineBreaks(value, $"value of header '{name}'");
                list.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
                break;
            case HeaderOption.ReplaceAll:
                HeaderText.RefuseLineBreaks(value, $"value of header '{name}'");
                list.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
                list.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
                break;
            case HeaderOption.RemoveAll:
                list.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
                break;
            default:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Header option {(int)option} is not 0, 1 or 2.");
        }
    }

    /// <summary>Sends a header with a command of its own through that command; false for the others.</summary>
    private bool RouteHeader(string name, string value, HeaderOption option)
    {
        var address = option switch
        {
            HeaderOption.Add => AddressOption.Append,
            HeaderOption.ReplaceAll => AddressOption.Replace,
            _ => AddressOption.Remove,
        };
        switch (name.ToUpperInvariant())
        {
            case "FROM": EditList(_from, value, address, "From", removeListedOnly: false); return true;
            case "REPLY-TO": EditList(_replyTo, value, address, "Reply-To", removeListedOnly: false); return true;
            case "TO": EditList(_to, value, address, "To", removeListedOnly: false); return true;
            case "CC": EditList(_cc, value, address, "Cc", removeListedOnly: false); return true;
            case "BCC": EditList(_bcc, value, address, "Bcc", removeListedOnly: false); return true;
            case "SENDER": SetSender(value, option == HeaderOption.RemoveAll ? AddressOption.Remove : AddressOption.Replace); return true;
            case "DATE" when option == HeaderOption.RemoveAll:
                RemoveDate();
                return true;
            case "DATE":
                HeaderText.RefuseLineBreaks(value, "Date header");
                SetDate(MimeKit.Utils.DateUtils.TryParse(value, out var date)
                    ? date
                    : throw new TypedMailException(ErrorCodes.InvalidArgument, $"'{value}' is not an RFC 5322 date (e.g. 'Tue, 1 Dec 2026 10:00:00 +0100')."));
                return true;
        }

        var text = Array.Find(TextHeaders, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        if (text is not null)
        {
            EditText(text, value, option == HeaderOption.RemoveAll ? TextOption.Remove : TextOption.Replace);
            return true;
        }

        return IgnoredHeaders.Contains(name);
    }

    private static void CheckMimeHeader(string name, string value)
    {
        HeaderText.RefuseLineBreaks(value, $"value of header '{name}'");
        if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) && !ContentType.TryParse(value, out _))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"'{value}' is not a MIME type.");
        }

        if (string.Equals(name, "Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            && Array.IndexOf(new[] { "7bit", "8bit", "binary", "quoted-printable", "base64" }, value.Trim().ToLowerInvariant()) < 0)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"'{value}' is not a transfer encoding (7bit, 8bit, binary, quoted-printable, base64).");
        }
    }

    /// <summary>The values of the custom headers of that name, in order.</summary>
    public IReadOnlyList<string> HeaderValues(string name)
    {
        ThrowIfDisposed();
        return _headers.Concat(_mimeHeaders).Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
    }

    /// <summary>Adds an attachment held in memory (the array is used as is at each send: not copied); a <paramref name="contentId"/> makes it an inline part for <c>cid:</c> references.</summary>
    public void AddAttachment(string fileName, byte[] content, string? mimeType = null, string? contentId = null)
    {
        CheckAttachmentArguments(fileName, content, mimeType, contentId);
        _attachments.Add(MessageAttachment.FromBytes(fileName, content, mimeType, contentId));
    }

    /// <summary>
    /// Adds an attachment streamed from <paramref name="content"/> at send time, never copied into memory. A stream that
    /// can seek is read from its current position at each send (keep it open until the last send; it stays yours). A
    /// stream that cannot seek is read now into a temporary file, deleted when the attachment or the message goes.
    /// </summary>
    /// <exception cref="TypedMailException"><see cref="ErrorCodes.AttachmentUnreadable"/> when the stream cannot be read.</exception>
    public void AddAttachment(string fileName, Stream content, string? mimeType = null, string? contentId = null)
    {
        CheckAttachmentArguments(fileName, content, mimeType, contentId);
        _attachments.Add(MessageAttachment.FromStream(fileName, content, mimeType, contentId));
    }

    /// <summary>
    /// The largest attachment this message sends, in bytes (a larger one fails the send with
    /// <see cref="ErrorCodes.AttachmentTooLarge"/> before anything goes on the wire); <see langword="null"/> (the
    /// default) sets no limit of TypedMail's own: attachments are streamed, and the server's SIZE still applies (12006).
    /// </summary>
    public long? MaxAttachmentBytes
    {
        get => Live(_maxAttachmentBytes);
        set
        {
            ThrowIfDisposed();
            if (value is < 0)
            {
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"The attachment limit {value} is negative.");
            }

            _maxAttachmentBytes = value;
        }
    }

    private void CheckAttachmentArguments(string fileName, object content, string? mimeType, string? contentId)
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
    }

    /// <summary>A file streamed at send time under <paramref name="fileName"/> (the generated messages' file members).</summary>
    internal void AttachFile(string path, string fileName, string? mimeType, string? contentId)
    {
        ThrowIfDisposed();
        if (!File.Exists(path))
        {
            throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{path}' does not exist.");
        }

        CheckAttachmentText(fileName, mimeType, contentId);
        _attachments.Add(MessageAttachment.FromFile(path, mimeType, contentId, 2, fileName));
    }

    /// <summary>
    /// SMTP_Attachment: a file read at send time. <paramref name="encodeType"/> is 4D's: 2 = Base64 at send time,
    /// -2 = the file is already Base64, 7 = UUEncode at send time, -7 = the file is already UUEncoded, 0 = no encoding
    /// asked (MimeKit picks a transfer encoding the server accepts); the Macintosh-only ±1 and ±3..±6 (BinHex,
    /// AppleSingle, AppleDouble) are refused with 10001 here (the 4D facade sends them as Base64 with a logged warning).
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
                ClearAttachments();
                return;
            case AttachmentOption.Add or AttachmentOption.ReplaceAll:
                break;
            default:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Attachment option {(int)option} is not 0, 1 or 2.");
        }

        if (encodeType is not (0 or 2 or -2 or 7 or -7))
        {
            throw new TypedMailException(ErrorCodes.Unimplemented,
                $"Attachment encode type {encodeType} (BinHex, AppleSingle or AppleDouble) is not supported: use 2 (Base64), -2 (already Base64), 7 (UUEncode), -7 (already UUEncoded) or 0 (none).");
        }

        if (!File.Exists(path))
        {
            throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{path}' does not exist.");
        }

        CheckAttachmentText(Path.GetFileName(path), mimeType, contentId);
        if (option == AttachmentOption.ReplaceAll)
        {
            ClearAttachments();
        }

        _attachments.Add(MessageAttachment.FromFile(path, mimeType, contentId, encodeType));
    }

    /// <summary>Removes the attachments added from this path (or, for in-memory attachments, with this file name).</summary>
    public void RemoveAttachment(string pathOrFileName)
    {
        ThrowIfDisposed();
        _attachments.RemoveAll(a =>
        {
            var match = a.Path is { } p
                ? string.Equals(Path.GetFullPath(p), Path.GetFullPath(pathOrFileName), StringComparison.Ordinal)
                : string.Equals(a.FileName, pathOrFileName, StringComparison.Ordinal);
            if (match)
            {
                a.Dispose();
            }

            return match;
        });
    }

    /// <summary>Removes every attachment.</summary>
    public void ClearAttachments()
    {
        ThrowIfDisposed();
        foreach (var attachment in _attachments)
        {
            attachment.Dispose();
        }

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
}
