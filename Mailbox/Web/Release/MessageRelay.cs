using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web.Release;

/// <summary>
/// Release: forwards one stored message, its bytes as received, to a real SMTP server (<see cref="WebInboxOptions.Relay"/>,
/// the tool's <c>--relay host:port</c>) with TypedMail's own sender, so STARTTLS, AUTH and certificate trust are the
/// library's settings; for a final look in a real mail client.
/// </summary>
internal sealed class MessageRelay
{
    private readonly SmtpSettings? _settings;

    public MessageRelay(SmtpSettings? settings) => _settings = settings;

    /// <summary>"host:port" of the relay; null when none was given.</summary>
    public string? Address => _settings is null ? null : $"{_settings.Host}:{_settings.EffectivePort}";

    /// <summary>
    /// Sends <paramref name="entry"/>'s message to <paramref name="recipients"/> (its envelope recipients when empty),
    /// from its envelope sender. The stored message is not changed: a copy parsed from its bytes goes out.
    /// </summary>
    public async Task<ReleaseJson> ReleaseAsync(InboxEntry entry, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        if (_settings is null)
        {
            throw new InvalidOperationException("No relay is configured.");
        }

        var to = (recipients.Count > 0 ? recipients : entry.Recipients).Select(MailboxAddress.Parse).ToArray();
        var from = entry.MailFrom.Length > 0
            ? MailboxAddress.Parse(entry.MailFrom)
            : entry.Document.Message.From.Mailboxes.FirstOrDefault() ?? throw new ReleaseRefusedException("The message has no envelope sender and no From address to send it from.");
        MimeMessage copy;
        using (var raw = new MemoryStream(entry.Document.Raw, writable: false))
        {
            copy = await MimeMessage.LoadAsync(raw, cancellationToken).ConfigureAwait(false);
        }

        await using var sender = new SmtpSender(_settings);
        var result = await sender.SendAsync(copy, from, to, cancellationToken).ConfigureAwait(false);
        return new ReleaseJson(Address!, from.Address, to.Select(address => address.Address).ToArray(), result.Succeeded, result.Code, result.Succeeded ? null : result.ErrorText);
    }
}
