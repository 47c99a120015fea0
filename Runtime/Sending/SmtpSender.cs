using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace TypedMail;

/// <summary>
/// Sends over one SMTP connection, kept open between sends and reused while the settings stay the same; checks an idle
/// connection with NOOP and reconnects once when the server has closed it. Calls are serialised (one MailKit client is
/// one connection); use several senders to send in parallel.
/// </summary>
public sealed class SmtpSender : IDisposable, IAsyncDisposable
{
    private readonly SmtpSettings _settings;
    private readonly ILogger _logger;
    private readonly DkimSigning? _dkim;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpSession? _session;
    private bool _disposed;

    /// <summary>Creates a sender; the settings are copied (later changes to <paramref name="settings"/> do not apply).</summary>
    /// <param name="settings">The server, mode, credentials and timeout.</param>
    /// <param name="logger">Where to log (never credentials); none by default.</param>
    public SmtpSender(SmtpSettings settings, ILogger? logger = null)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        _settings = new SmtpSettings
        {
            Host = settings.Host,
            Port = settings.Port,
            Mode = settings.Mode,
            Auth = settings.Auth,
            UserName = settings.UserName,
            Password = settings.Password,
            TimeoutSeconds = settings.TimeoutSeconds,
            LocalDomain = settings.LocalDomain,
            AcceptedServerCertificate = settings.AcceptedServerCertificate,
            ServerCertificateValidationCallback = settings.ServerCertificateValidationCallback,
            Dkim = settings.Dkim,
        };
        _logger = logger ?? NullLogger.Instance;
        _dkim = DkimSigning.From(settings.Dkim);
    }

    /// <summary>Whether a connection is open (it may still have been closed by the server since).</summary>
    public bool IsConnected => _session?.IsConnected ?? false;

    /// <summary>
    /// Sends the message reference; checks first, with nothing on the wire when one fails: host (10005), From (10006),
    /// a recipient (10007), then <see cref="SmtpRules"/> (an error gives 12007; warnings are logged).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The message or this sender was disposed.</exception>
    public Task<SendResult> SendAsync(SmtpMessage message, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        message.ThrowIfDisposed();
        ThrowIfDisposed();
        var precheck = Precheck(message.From.Count > 0, message.EnvelopeRecipients().Count > 0);
        if (precheck is not null)
        {
            return Task.FromResult(precheck);
        }

        MimeMessage mime;
        try
        {
            mime = message.ToMimeMessage();
        }
        catch (TypedMailException ex)
        {
            return Task.FromResult(SendResult.Failure(ex.Code, ex.Detail));
        }

        return SendCheckedAsync(mime, message.EnvelopeSender()!, message.EnvelopeRecipients(), cancellationToken);
    }

    /// <summary>
    /// Sends a MIME message: the envelope comes from Sender (or the first From) and To, Cc and Bcc; Bcc is never written on the wire.
    /// </summary>
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

    /// <summary>Sends a MIME message with an explicit envelope (MAIL FROM and RCPT TO); Bcc headers are never written on the wire.</summary>
    public Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IEnumerable<MailboxAddress> envelopeRecipients, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        ThrowIfDisposed();
        var recipients = envelopeRecipients?.ToList() ?? new List<MailboxAddress>();
        var precheck = Precheck(envelopeSender is not null, recipients.Count > 0);
        return precheck is not null ? Task.FromResult(precheck) : SendCheckedAsync(message, envelopeSender!, recipients, cancellationToken);
    }

    /// <summary>
    /// Sends many messages over one connection; one result per message (a failure does not stop the next). Cancelling
    /// between two messages throws <see cref="OperationCanceledException"/>; a message cancelled while on the wire gets 10000.
    /// </summary>
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<SmtpMessage> messages, IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default) =>
        SendManyCoreAsync(messages, (m, ct) => SendAsync(m, ct), progress, cancellationToken);

    /// <summary>Sends many MIME messages over one connection; one result per message, as the overload for <see cref="SmtpMessage"/>.</summary>
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<MimeMessage> messages, IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default) =>
        SendManyCoreAsync(messages, (m, ct) => SendAsync(m, ct), progress, cancellationToken);

    /// <summary>Closes the connection politely (QUIT); the next send opens a new one.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is not null)
            {
                await _session.DisconnectAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the connection without waiting for QUIT's answer.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session?.Dispose();
        _gate.Dispose();
    }

    /// <summary>Sends QUIT, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_session is not null)
        {
            await _session.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        }

        Dispose();
    }

    internal static async Task<IReadOnlyList<SendResult>> SendManyCoreAsync<T>(IEnumerable<T> messages, Func<T, CancellationToken, Task<SendResult>> send,
        IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        int? total = messages is ICollection<T> collection ? collection.Count : null;
        var results = new List<SendResult>(total ?? 4);
        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SendResult result;
            try
            {
                result = await send(message, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException ex) when (message is SmtpMessage)
            {
                result = SendResult.Failure(ErrorCodes.InvalidReference, ex.Message);
            }

            results.Add(result);
            progress?.Report(new SendProgress(results.Count, total, result));
        }

        return results;
    }

    private SendResult? Precheck(bool hasFrom, bool hasRecipient)
    {
        if (string.IsNullOrWhiteSpace(_settings.Host))
        {
            return SendResult.Failure(ErrorCodes.NoHost, null);
        }

        if (!hasFrom)
        {
            return SendResult.Failure(ErrorCodes.NoFrom, null);
        }

        if (!hasRecipient)
        {
            return SendResult.Failure(ErrorCodes.NoRecipient, null);
        }

        var violations = SmtpRules.Check(_settings.Port, _settings.Mode, _settings.HasCredentials, _settings.TimeoutSeconds);
        var errors = violations.Where(v => v.Severity == RuleSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return SendResult.Failure(ErrorCodes.RuleViolation, string.Join(" ", errors.Select(e => $"{e.Id}: {e.Message}.")));
        }

        foreach (var violation in violations)
        {
            SmtpLog.Rule(_logger, violation);
        }

        return null;
    }

    private async Task<SendResult> SendCheckedAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        if (_dkim?.Sign(message) is { } unsigned)
        {
            return SendResult.Failure(ErrorCodes.InvalidArgument, unsigned, messageId: message.MessageId);
        }

        using var activity = TypedMailTelemetry.ActivitySource.StartActivity("smtp.send", ActivityKind.Client);
        activity?.SetTag("server.address", _settings.Host);
        activity?.SetTag("server.port", _settings.EffectivePort);
        activity?.SetTag("typedmail.session_mode", _settings.Mode.ToString());
        var started = Stopwatch.GetTimestamp();
        SendResult result;
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return SendResult.Failure(ErrorCodes.Cancelled, "The send was cancelled.", messageId: message.MessageId);
        }

        try
        {
            ThrowIfDisposed();
            _session ??= new SmtpSession(_settings, _logger);
            result = await _session.SendAsync(message, sender, recipients, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        var elapsed = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
        TypedMailTelemetry.SendDuration.Record(elapsed);
        activity?.SetTag("typedmail.code", result.Code);
        if (result.Delivered)
        {
            TypedMailTelemetry.MessagesSent.Add(1);
            SmtpLog.Sent(_logger, message.MessageId, result.Recipients.Count(r => r.Accepted));
        }

        if (!result.Succeeded)
        {
            TypedMailTelemetry.MessagesFailed.Add(1, new KeyValuePair<string, object?>("typedmail.code", result.Code));
            activity?.SetStatus(ActivityStatusCode.Error, result.ErrorText);
            SmtpLog.Failed(_logger, message.MessageId, result);
        }

        return result;
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SmtpSender));
        }
    }
}
