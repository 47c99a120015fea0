using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using MimeKit;

namespace TypedMail;

/// <summary>
/// The parts of a message generated from a <c>[MailMessage]</c> class (addresses, subject, headers, bodies,
/// attachments), described once by the generated code and rendered here both as the wire message
/// (<see cref="ToMimeMessage"/>, through the one MIME writer) and as the message reference (<see cref="ToSmtpMessage"/>),
/// so that the generated code stays short. Not meant for hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageParts
{
    private readonly string? _from;
    private readonly string? _sender;
    private readonly List<Recipient> _recipients = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<Attachment> _attachments = new();
    private string? _subject;
    private string? _textBody;
    private string? _htmlBody;
    private bool _textAlternative = true;
    private Uri? _unsubscribe;
    private string? _unsubscribeMailto;

    /// <summary>Starts the parts with the constant addresses of <c>[MailMessage]</c> (4D-style lists; null or blank for none).</summary>
    /// <param name="from">From.</param>
    /// <param name="sender">Sender.</param>
    /// <param name="replyTo">Reply-To.</param>
    /// <param name="to">To.</param>
    /// <param name="cc">Cc.</param>
    /// <param name="bcc">Bcc (envelope only).</param>
    public MessageParts(string? from = null, string? sender = null, string? replyTo = null, string? to = null, string? cc = null, string? bcc = null)
    {
        _from = from;
        _sender = sender;
        AddList(Field.ReplyTo, replyTo);
        AddList(Field.To, to);
        AddList(Field.Cc, cc);
        AddList(Field.Bcc, bcc);
    }

    private enum Field
    {
        ReplyTo,
        To,
        Cc,
        Bcc,
    }

    /// <summary>Adds a 4D-style address list to Reply-To; null or blank adds nothing.</summary>
    /// <param name="addresses">The list.</param>
    /// <returns>These parts.</returns>
    public MessageParts ReplyTo(string? addresses) => AddList(Field.ReplyTo, addresses);

    /// <summary>Adds each 4D-style address list to Reply-To.</summary>
    /// <param name="lists">The lists; null adds nothing.</param>
    /// <returns>These parts.</returns>
    public MessageParts ReplyTo(IEnumerable<string?>? lists) => AddLists(Field.ReplyTo, lists);

    /// <summary>Adds an address to Reply-To; null adds nothing.</summary>
    /// <param name="address">The address.</param>
    /// <returns>These parts.</returns>
    public MessageParts ReplyTo(InternetAddress? address) => AddAddress(Field.ReplyTo, address);

    /// <summary>Adds addresses to Reply-To; null ones add nothing.</summary>
    /// <param name="addresses">The addresses.</param>
    /// <returns>These parts.</returns>
    public MessageParts ReplyTo(IEnumerable<InternetAddress?>? addresses) => AddAddresses(Field.ReplyTo, addresses);

    /// <summary>Adds a 4D-style address list to To; null or blank adds nothing.</summary>
    /// <param name="addresses">The list.</param>
    /// <returns>These parts.</returns>
    public MessageParts To(string? addresses) => AddList(Field.To, addresses);

    /// <summary>Adds each 4D-style address list to To.</summary>
    /// <param name="lists">The lists; null adds nothing.</param>
    /// <returns>These parts.</returns>
    public MessageParts To(IEnumerable<string?>? lists) => AddLists(Field.To, lists);

    /// <summary>Adds an address to To; null adds nothing.</summary>
    /// <param name="address">The address.</param>
    /// <returns>These parts.</returns>
    public MessageParts To(InternetAddress? address) => AddAddress(Field.To, address);

    /// <summary>Adds addresses to To; null ones add nothing.</summary>
    /// <param name="addresses">The addresses.</param>
    /// <returns>These parts.</returns>
    public MessageParts To(IEnumerable<InternetAddress?>? addresses) => AddAddresses(Field.To, addresses);

    /// <summary>Adds a 4D-style address list to Cc; null or blank adds nothing.</summary>
    /// <param name="addresses">The list.</param>
    /// <returns>These parts.</returns>
    public MessageParts Cc(string? addresses) => AddList(Field.Cc, addresses);

    /// <summary>Adds each 4D-style address list to Cc.</summary>
    /// <param name="lists">The lists; null adds nothing.</param>
    /// <returns>These parts.</returns>
    public MessageParts Cc(IEnumerable<string?>? lists) => AddLists(Field.Cc, lists);

    /// <summary>Adds an address to Cc; null adds nothing.</summary>
    /// <param name="address">The address.</param>
    /// <returns>These parts.</returns>
    public MessageParts Cc(InternetAddress? address) => AddAddress(Field.Cc, address);

    /// <summary>Adds addresses to Cc; null ones add nothing.</summary>
    /// <param name="addresses">The addresses.</param>
    /// <returns>These parts.</returns>
    public MessageParts Cc(IEnumerable<InternetAddress?>? addresses) => AddAddresses(Field.Cc, addresses);

    /// <summary>Adds a 4D-style address list to Bcc (envelope only); null or blank adds nothing.</summary>
    /// <param name="addresses">The list.</param>
    /// <returns>These parts.</returns>
    public MessageParts Bcc(string? addresses) => AddList(Field.Bcc, addresses);

    /// <summary>Adds each 4D-style address list to Bcc (envelope only).</summary>
    /// <param name="lists">The lists; null adds nothing.</param>
    /// <returns>These parts.</returns>
    public MessageParts Bcc(IEnumerable<string?>? lists) => AddLists(Field.Bcc, lists);

    /// <summary>Adds an address to Bcc (envelope only); null adds nothing.</summary>
    /// <param name="address">The address.</param>
    /// <returns>These parts.</returns>
    public MessageParts Bcc(InternetAddress? address) => AddAddress(Field.Bcc, address);

    /// <summary>Adds addresses to Bcc (envelope only); null ones add nothing.</summary>
    /// <param name="addresses">The addresses.</param>
    /// <returns>These parts.</returns>
    public MessageParts Bcc(IEnumerable<InternetAddress?>? addresses) => AddAddresses(Field.Bcc, addresses);

    /// <summary>Sets the subject (refused with a line break when rendered).</summary>
    /// <param name="text">The rendered subject.</param>
    /// <returns>These parts.</returns>
    public MessageParts Subject(string text)
    {
        _subject = text;
        return this;
    }

    /// <summary>Adds a header (its value refused with a line break when rendered).</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The rendered value.</param>
    /// <returns>These parts.</returns>
    public MessageParts Header(string name, string value)
    {
        _headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Sets the plain-text body.</summary>
    /// <param name="text">The rendered body.</param>
    /// <returns>These parts.</returns>
    public MessageParts TextBody(string text)
    {
        _textBody = text;
        return this;
    }

    /// <summary>Sets the HTML body.</summary>
    /// <param name="html">The rendered body.</param>
    /// <returns>These parts.</returns>
    public MessageParts HtmlBody(string html)
    {
        _htmlBody = html;
        return this;
    }

    /// <summary>
    /// Whether an HTML body without a text body gets a plain-text alternative (<see cref="HtmlToText"/>); on unless
    /// <c>[HtmlBody(TextAlternative = false)]</c>.
    /// </summary>
    /// <param name="enabled">Whether to generate it.</param>
    /// <returns>These parts.</returns>
    public MessageParts TextAlternative(bool enabled)
    {
        _textAlternative = enabled;
        return this;
    }

    /// <summary>The one-click unsubscribe link (https, RFC 8058) and an optional mailto address; a null link adds nothing.</summary>
    /// <param name="oneClick">The https link.</param>
    /// <param name="mailto">An address for mail unsubscription, or null.</param>
    /// <returns>These parts.</returns>
    public MessageParts Unsubscribe(Uri? oneClick, string? mailto = null)
    {
        _unsubscribe = oneClick;
        _unsubscribeMailto = mailto;
        return this;
    }

    /// <summary>Adds an attachment held in memory; null adds nothing.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="contentType">The MIME type, or null to guess it from the name.</param>
    /// <param name="contentId">The content id of an inline part (<c>cid:</c>), or null.</param>
    /// <returns>These parts.</returns>
    public MessageParts Attach(byte[]? content, string fileName, string? contentType = null, string? contentId = null) =>
        content is null ? this : Add(new Attachment(fileName, contentType, contentId) { Bytes = content });

    /// <summary>
    /// Adds an attachment streamed from <paramref name="content"/> when the message is written (a seekable stream from
    /// its start, so rendering twice gives the same bytes; one that cannot seek is read once); null adds nothing.
    /// </summary>
    /// <param name="content">The stream.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="contentType">The MIME type, or null to guess it from the name.</param>
    /// <param name="contentId">The content id of an inline part (<c>cid:</c>), or null.</param>
    /// <returns>These parts.</returns>
    public MessageParts Attach(Stream? content, string fileName, string? contentType = null, string? contentId = null) =>
        content is null ? this : Add(new Attachment(fileName, contentType, contentId) { Stream = content });

    /// <summary>Adds the file at <paramref name="path"/>; null adds nothing.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="fileName">The file name, or null for the path's.</param>
    /// <param name="contentType">The MIME type, or null to guess it from the name.</param>
    /// <param name="contentId">The content id of an inline part (<c>cid:</c>), or null.</param>
    /// <returns>These parts.</returns>
    public MessageParts AttachFile(string? path, string? fileName = null, string? contentType = null, string? contentId = null) =>
        path is null ? this : Add(new Attachment(fileName ?? Path.GetFileName(path), contentType, contentId) { FilePath = path });

    /// <summary>Adds <paramref name="file"/>; null adds nothing.</summary>
    /// <param name="file">The file.</param>
    /// <param name="fileName">The file name, or null for the file's.</param>
    /// <param name="contentType">The MIME type, or null to guess it from the name.</param>
    /// <param name="contentId">The content id of an inline part (<c>cid:</c>), or null.</param>
    /// <returns>These parts.</returns>
    public MessageParts AttachFile(FileInfo? file, string? fileName = null, string? contentType = null, string? contentId = null) =>
        file is null ? this : Add(new Attachment(fileName ?? file.Name, contentType, contentId) { FilePath = file.FullName });

    /// <summary>
    /// The message as it goes on the wire, written by TypedMail's one MIME writer (the same that writes the message
    /// reference): multipart/alternative for text + HTML, multipart/related for <c>cid:</c> parts, multipart/mixed for
    /// attachments; Bcc recipients are not in it (the envelope TypedMail sends it to includes them).
    /// </summary>
    /// <returns>The MIME message.</returns>
    /// <exception cref="TypedMailException">An address is invalid, or a value would put CR or LF into a header.</exception>
    public MimeMessage ToMimeMessage() => MimeWriter.Write(ToContent());

    /// <summary>These parts as the writer's input: addresses parsed, header values checked, attachments ready to stream.</summary>
    internal MessageContent ToContent()
    {
        var content = new MessageContent { TextBody = _textBody, HtmlBody = _htmlBody, TextAlternative = _textAlternative };
        content.From.AddRange(MailboxList.Parse(_from, "From"));
        if (!string.IsNullOrWhiteSpace(_sender) || MailboxList.HasLineBreak(_sender))
        {
            // One address, as SMTP_Sender takes it.
            if (!MailboxList.HasLineBreak(_sender) && MailboxList.Parse(_sender, "Sender").Count > 1)
            {
                throw new TypedMailException(ErrorCodes.InvalidAddress, "Sender: give one address, not a list.");
            }

            content.Sender = MailboxList.ParseOne(_sender!, "Sender");
        }

        foreach (var recipient in _recipients)
        {
            var list = recipient.Field switch
            {
                Field.ReplyTo => content.ReplyTo,
                Field.To => content.To,
                Field.Cc => content.Cc,
                _ => content.Bcc,
            };
            if (recipient.Address is null)
            {
                list.AddRange(MailboxList.Parse(recipient.List, recipient.Field == Field.ReplyTo ? "Reply-To" : recipient.Field.ToString()));
            }
            else if (recipient.Address is MailboxAddress mailbox)
            {
                list.Add(mailbox);
            }
            else if (recipient.Address is GroupAddress group)
            {
                // A group's members are written as mailboxes (and are envelope recipients); the group's name is dropped.
                list.AddRange(group.Members.Mailboxes);
            }
        }

        if (!string.IsNullOrEmpty(_subject))
        {
            content.Texts.Add(new KeyValuePair<string, string>("Subject", Checked(_subject!, "Subject")));
        }

        foreach (var header in _headers)
        {
            content.Headers.Add(new KeyValuePair<string, string>(header.Key, Checked(header.Value, header.Key)));
        }

        if (ListUnsubscribe.HeaderValue(_unsubscribe, _unsubscribeMailto) is { } unsubscribe)
        {
            content.Headers.Add(new KeyValuePair<string, string>(ListUnsubscribe.HeaderName, unsubscribe));
            if (_unsubscribe is not null)
            {
                content.Headers.Add(new KeyValuePair<string, string>(ListUnsubscribe.PostHeaderName, ListUnsubscribe.OneClick));
            }
        }

        foreach (var attachment in _attachments)
        {
            content.Attachments.Add(attachment.ToMessageAttachment());
        }

        return content;
    }

    /// <summary>The message reference holding these parts, Bcc included (envelope only). The caller disposes it.</summary>
    /// <returns>The message reference.</returns>
    /// <exception cref="TypedMailException">An address is invalid, or a value would put CR or LF into a header.</exception>
    public SmtpMessage ToSmtpMessage()
    {
        var message = new SmtpMessage();
        try
        {
            if (!string.IsNullOrWhiteSpace(_from))
            {
                message.SetFrom(_from!);
            }

            if (!string.IsNullOrWhiteSpace(_sender))
            {
                message.SetSender(_sender!);
            }

            foreach (var recipient in _recipients)
            {
                var addresses = recipient.Address?.ToString() ?? recipient.List!;
                switch (recipient.Field)
                {
                    case Field.ReplyTo: message.SetReplyTo(addresses); break;
                    case Field.To: message.SetTo(addresses); break;
                    case Field.Cc: message.SetCc(addresses); break;
                    default: message.SetBcc(addresses); break;
                }
            }

            if (_subject is not null)
            {
                message.SetSubject(Checked(_subject, "Subject"), TextOption.Replace);
            }

            if (_textBody is not null)
            {
                message.SetBody(_textBody, BodyOption.Replace);
            }

            if (_htmlBody is not null)
            {
                message.SetBody(_htmlBody, BodyOption.Replace, html: true);
            }

            foreach (var header in _headers)
            {
                message.AddHeader(header.Key, Checked(header.Value, header.Key));
            }

            if (_unsubscribe is not null || _unsubscribeMailto is not null)
            {
                message.SetUnsubscribe(_unsubscribe, _unsubscribeMailto);
            }

            message.TextAlternative = _textAlternative;
            foreach (var attachment in _attachments)
            {
                attachment.AddTo(message);
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>A rendered header value, refused with a line break: a CR or LF would start a header of its own.</summary>
    private static string Checked(string value, string header)
    {
        HeaderText.RefuseLineBreaks(value, header + " header");
        return value;
    }

    private MessageParts AddList(Field field, string? addresses)
    {
        // Blank adds nothing on either side (the MIME parser and SmtpMessage agree on that).
        if (!string.IsNullOrWhiteSpace(addresses))
        {
            _recipients.Add(new Recipient(field, addresses, null));
        }

        return this;
    }

    private MessageParts AddLists(Field field, IEnumerable<string?>? lists)
    {
        foreach (var list in lists ?? Enumerable.Empty<string?>())
        {
            AddList(field, list);
        }

        return this;
    }

    private MessageParts AddAddress(Field field, InternetAddress? address)
    {
        if (address is not null)
        {
            _recipients.Add(new Recipient(field, null, address));
        }

        return this;
    }

    private MessageParts AddAddresses(Field field, IEnumerable<InternetAddress?>? addresses)
    {
        foreach (var address in addresses ?? Enumerable.Empty<InternetAddress?>())
        {
            AddAddress(field, address);
        }

        return this;
    }

    private MessageParts Add(Attachment attachment)
    {
        _attachments.Add(attachment);
        return this;
    }

    private sealed class Recipient
    {
        public Recipient(Field field, string? list, InternetAddress? address)
        {
            Field = field;
            List = list;
            Address = address;
        }

        public Field Field { get; }

        public string? List { get; }

        public InternetAddress? Address { get; }
    }

    /// <summary>An attachment as given: bytes, a caller's stream or a file, read only when the message is written.</summary>
    private sealed class Attachment
    {
        public Attachment(string fileName, string? contentType, string? contentId)
        {
            FileName = fileName;
            ContentType = contentType;
            ContentId = contentId;
        }

        public string FileName { get; }

        public string? ContentType { get; }

        public string? ContentId { get; }

        public byte[]? Bytes { get; init; }

        public Stream? Stream { get; init; }

        public string? FilePath { get; init; }

        /// <summary>For the MIME message: streamed from the bytes, the stream (rewound) or the file when written.</summary>
        public MessageAttachment ToMessageAttachment()
        {
            if (FilePath is not null)
            {
                return MessageAttachment.FromFile(FilePath, ContentType, ContentId, 2, FileName);
            }

            if (Stream is { CanSeek: true } seekable)
            {
                seekable.Position = 0;
                return MessageAttachment.FromStream(FileName, seekable, ContentType, ContentId);
            }

            // A stream that cannot seek is read once (a MIME message has no owner to delete a spooled copy).
            return MessageAttachment.FromBytes(FileName, Bytes ?? ReadAll(Stream!), ContentType, ContentId);
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        /// <summary>For the message reference, which streams at each send and owns what it spools.</summary>
        public void AddTo(SmtpMessage message)
        {
            if (FilePath is not null)
            {
                message.AttachFile(FilePath, FileName, ContentType, ContentId);
            }
            else if (Stream is not null)
            {
                if (Stream.CanSeek)
                {
                    Stream.Position = 0;
                }

                message.AddAttachment(FileName, Stream, ContentType, ContentId);
            }
            else
            {
                message.AddAttachment(FileName, Bytes!, ContentType, ContentId);
            }
        }
    }
}
