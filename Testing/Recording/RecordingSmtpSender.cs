using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail.Testing;

/// <summary>
/// An <see cref="ISmtpSender"/> for application tests: keeps every message it is given (typed message, MIME, envelope)
/// and answers with scripted results; it never opens a socket. It checks and renders each message as
/// <see cref="SmtpSender"/> does, so a message without From (10006) or recipient (10007), or one that cannot be
/// rendered, fails here as it would in production. Thread-safe.
/// </summary>
public sealed class RecordingSmtpSender : ISmtpSender
{
    private readonly object _gate = new();
    private readonly List<SentMessage> _messages = new();
    private readonly ScriptedOutcomes _outcomes = new();

    /// <summary>Every message given so far, in order, whatever its result (see <see cref="SentMessage.Delivered"/>).</summary>
    public IReadOnlyList<SentMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>The messages that were delivered to at least one recipient, in order.</summary>
    public IReadOnlyList<SentMessage> Delivered => Messages.Where(m => m.Delivered).ToArray();

    /// <summary>From now on, <paramref name="address"/> is refused at RCPT TO; the other recipients still get the message.</summary>
    /// <param name="address">The recipient to refuse (compared without regard to case).</param>
    /// <param name="smtpStatus">The reply code the server gives (550 by default).</param>
    /// <param name="serverText">The server's text.</param>
    public void RefuseRecipient(string address, int smtpStatus = 550, string serverText = "5.1.1 Mailbox unavailable")
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new ArgumentException("The address to refuse is empty.", nameof(address));
        }

        if (smtpStatus is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(smtpStatus), smtpStatus, "A refusal is a 4xx or 5xx reply code.");
        }

        lock (_gate)
        {
            _outcomes.Refuse(address, smtpStatus, serverText);
        }
    }

    /// <summary>From now on, every send fails with <paramref name="code"/> (one of <see cref="ErrorCodes"/>); nothing is delivered.</summary>
    /// <param name="code">The code, e.g. <see cref="ErrorCodes.ConnectionRefused"/> or 535.</param>
    /// <param name="detail">The detail appended to the code's sentence.</param>
    public void FailWith(int code, string? detail = null)
    {
        if (code == ErrorCodes.NoError)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "0 is success: call SucceedAgain() instead.");
        }

        lock (_gate)
        {
            _outcomes.FailWith(code, detail);
        }
    }

    /// <summary>Forgets the scripted failures and refusals: every send succeeds again.</summary>
    public void SucceedAgain()
    {
        lock (_gate)
        {
            _outcomes.Reset();
        }
    }

    /// <summary>Forgets the messages recorded so far (the scripted results stay).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }

    /// <inheritdoc />
    public Task<SendResult> SendAsync(ITypedMailMessage message, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        // What a real send writes: the one MIME writer's output and its envelope.
        var (mime, envelope) = TypedMessageWriting.Write(message);
        return Task.FromResult(Store(message, mime, envelope.Sender?.Address, envelope.Recipients.Select(r => r.Address).ToList()));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<ITypedMailMessage> messages, IProgress<SendProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var list = messages.ToList();
        var results = new List<SendResult>(list.Count);
        foreach (var message in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SendResult result;
            try
            {
                result = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (TypedMailException ex)
            {
                // As the real mail merge: a message that cannot be rendered is reported as not sent, and the merge goes on.
                result = SendResult.Failure(ex.Code, ex.Detail);
            }

            results.Add(result);
            progress?.Report(new SendProgress(results.Count, list.Count, result));
        }

        return results;
    }

    /// <inheritdoc />
    public Task<SendResult> SendAsync(SmtpMessage message, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        message.ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Record(null, message));
    }

    /// <inheritdoc />
    public Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var sender = message.Sender ?? message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .GroupBy(m => m.Address, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        return SendAsync(message, sender!, recipients, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IEnumerable<MailboxAddress> envelopeRecipients,
        CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var recipients = envelopeRecipients?.Select(r => r.Address).ToList() ?? new List<string>();
        return Task.FromResult(Store(null, message, envelopeSender?.Address, recipients));
    }

    private SendResult Record(ITypedMailMessage? typed, SmtpMessage reference)
    {
        WrittenMessage mime;
        try
        {
            mime = reference.Write();
        }
        catch (TypedMailException ex)
        {
            return SendResult.Failure(ex.Code, ex.Detail);
        }

        return Store(typed, mime, mime.Envelope.Sender?.Address, mime.Envelope.Recipients.Select(r => r.Address).ToList());
    }

    private SendResult Store(ITypedMailMessage? typed, MimeMessage mime, string? envelopeSender, IReadOnlyList<string> recipients)
    {
        lock (_gate)
        {
            // The checks SmtpSender makes before connecting, with nothing recorded as delivered when one fails.
            var result = envelopeSender is null ? SendResult.Failure(ErrorCodes.NoFrom, null, messageId: mime.MessageId)
                : recipients.Count == 0 ? SendResult.Failure(ErrorCodes.NoRecipient, null, messageId: mime.MessageId)
                : _outcomes.ResultFor(recipients, mime.MessageId);
            _messages.Add(new SentMessage(_messages.Count + 1, typed, mime, envelopeSender ?? string.Empty, recipients, result));
            return result;
        }
    }
}
