using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace TypedMail;

/// <summary>
/// One SMTP connection (one MailKit client) with its settings: opens it (connect, TLS before any AUTH, AUTH with 4D's
/// mechanism rules), sends messages at most once each (SMTP_SEND.md §3), and closes it with QUIT.
/// Not thread-safe: <see cref="SmtpSender"/> serialises the calls.
/// </summary>
internal sealed class SmtpSession : IDisposable
{
    private readonly SmtpSettings _settings;
    private readonly ILogger _logger;
    private readonly bool _synchronous;
    private SessionSmtpClient _client;
    private long _lastUsed;

    /// <param name="settings">The server, mode, credentials and timeout.</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="synchronous">
    /// Use MailKit's blocking calls: the returned tasks complete on the caller's thread, so a caller that must block (the
    /// 4D facade) holds one thread and needs no other from the thread pool.
    /// </param>
    public SmtpSession(SmtpSettings settings, ILogger logger, bool synchronous = false)
    {
        _settings = settings;
        _logger = logger;
        _synchronous = synchronous;
        _client = NewClient();
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>How many pool-wide disconnects this session has answered (the pool's count when it was rented or closed).</summary>
    public int DisconnectsSeen { get; set; }

    /// <summary>
    /// Sends one message; server and network failures come back as results. The message is transmitted at most once:
    /// a reused connection found dead before the end of the data is replaced once and the message sent again; a loss
    /// after the end of the data is 12013 and never retried.
    /// </summary>
    public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? beforeEndOfData = null)
    {
        if (beforeEndOfData is not null && message.Body is { } body)
        {
            message.Body = new EndOfDataHook(body, beforeEndOfData, () => _client.Tracker.MailFromWritten);
            try
            {
                return await SendAsync(message, sender, recipients, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The message stays as the caller gave it.
                message.Body = body;
            }
        }

        var phase = SessionPhase.Connect;
        var reused = _client.IsConnected;
        try
        {
            if (reused && IdleTooLong() && !await IsAliveAsync(cancellationToken).ConfigureAwait(false))
            {
                SmtpLog.Reconnecting(_logger);
                reused = false;
                ResetClient();
            }

            return await OpenAndTransmitAsync(message, sender, recipients, p => phase = p, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (reused && phase == SessionPhase.Transmit && (CanResend(ex, cancellationToken) || ClosingBeforeEndOfData(ex, cancellationToken)))
        {
            // The reused connection died (or the server closed it with 421, e.g. idle too long) before the end of the
            // data: the server cannot have accepted the message.
            SmtpLog.Reconnecting(_logger);
            ResetClient();
            phase = SessionPhase.Connect;
            try
            {
                return await OpenAndTransmitAsync(message, sender, recipients, p => phase = p, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception retry)
            {
                return await FailAsync(retry, phase, message, recipients, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            return await FailAsync(ex, phase, message, recipients, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lastUsed = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Closes the connection politely (QUIT), bounded by the timeout; a dead connection is just closed.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            try
            {
                if (_synchronous)
                {
                    _client.Disconnect(true, cancellationToken);
                }
                else
                {
                    await _client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // QUIT on a dead connection: nothing left to close.
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private bool IdleTooLong() =>
        (Stopwatch.GetTimestamp() - _lastUsed) * 1000.0 / Stopwatch.Frequency > _settings.IdleCheckSeconds * 1000.0;

    private bool CanResend(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && !_client.Tracker.EndOfDataWritten && SendFailure.IsConnectionLoss(exception);

    /// <summary>A 421 before the end of the data: the server is closing this connection, not refusing the message.</summary>
    private bool ClosingBeforeEndOfData(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && !_client.Tracker.EndOfDataWritten
        && exception is SmtpCommandException command
        && (command.StatusCode == SmtpStatusCode.ServiceNotAvailable || _client.Outcomes.Any(o => o.SmtpStatus == 421));

    private async Task<SendResult> FailAsync(Exception exception, SessionPhase phase, MimeMessage message, IList<MailboxAddress> recipients,
        CancellationToken cancellationToken)
    {
        var result = phase == SessionPhase.Transmit
            ? TransactionFailure(exception, message, recipients, cancellationToken)
            : SendFailure.From(exception, phase, _settings, Array.Empty<RecipientOutcome>(), message.MessageId, cancellationToken.IsCancellationRequested);
        if (result.Code == ErrorCodes.ConnectionLost && _client.Tracker.LastReply is { } last && last.StartsWith("421", StringComparison.Ordinal))
        {
            // The server said why before closing (MailKit's HELO fallback after a 421 to EHLO only meets the closed socket).
            result = SendResult.Failure(421, "The server closed the connection.", 421, last.Length > 4 ? last.Substring(4) : last, result.Recipients, message.MessageId);
        }

        // A 421 before the end of the data closes the connection like a 421 greeting: a parallel merge moves the
        // message to another connection, and two in a row stop a merge.
        var closing = phase == SessionPhase.Transmit && ClosingBeforeEndOfData(exception, cancellationToken);
        result.OpeningFailed = phase != SessionPhase.Transmit || closing;
        if (phase != SessionPhase.Transmit || closing || exception is not SmtpCommandException)
        {
            // After a failed connect or AUTH, or a broken transmission, the next send starts from a new connection;
            // a server that refused while the session opened is still answering, so it gets QUIT first.
            if (!closing && exception is SmtpCommandException or AuthenticationException or NotSupportedException)
            {
                await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }

            ResetClient();
        }

        return result;
    }

    /// <summary>The first refusal of the transaction, or what became of the message when the connection broke.</summary>
    private SendResult TransactionFailure(Exception exception, MimeMessage message, IList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        var tracker = _client.Tracker;
        var outcomes = _client.Outcomes.ToList();
        if (exception is SmtpCommandException command)
        {
            if (_client.SenderRefusal is { } refusal)
            {
                if (tracker.DeclaredSize is { } size && _client.MaxSize > 0 && size > (long)_client.MaxSize)
                {
                    // Refused for the SIZE MailKit declared: nothing of the message was sent.
                    return SendResult.Failure(ErrorCodes.MessageTooLarge, $"The message is {size} bytes; the server accepts {_client.MaxSize}.",
                        (int)refusal.StatusCode, refusal.Response, messageId: message.MessageId);
                }

                var notAttempted = recipients.Select(r => new RecipientOutcome(r.Address, false, null, null)).ToList();
                var status = (int)refusal.StatusCode;
                return SendResult.Failure(status, "MAIL FROM was refused; no recipient was attempted.", status, refusal.Response, notAttempted, message.MessageId);
            }

            if (_client.NoRecipientAccepted && outcomes.FirstOrDefault(o => !o.Accepted) is { SmtpStatus: { } first } refused)
            {
                return SendResult.Failure(first, $"No recipient was accepted; {refused.Address} was refused first.", first, refused.ServerText, outcomes, message.MessageId);
            }

            var code = (int)command.StatusCode;
            var what = tracker.EndOfDataWritten ? "The server refused the message after its data." : tracker.DataAccepted ? "The server refused the message data." : "The server refused DATA.";
            return SendResult.Failure(code, what, code, command.Message, outcomes, message.MessageId);
        }

        if (tracker.EndOfDataWritten)
        {
            var cause = cancellationToken.IsCancellationRequested ? "the send was cancelled" : exception is TimeoutException || exception.InnerException is TimeoutException ? "no reply within the timeout" : "the connection was lost";
            return SendResult.Failure(ErrorCodes.OutcomeUnknown, $"The end of the message was sent, then {cause} before the server's reply. Message-ID: <{message.MessageId}>.",
                recipients: outcomes, messageId: message.MessageId);
        }

        return SendFailure.From(exception, SessionPhase.Transmit, _settings, outcomes, message.MessageId, cancellationToken.IsCancellationRequested);
    }

    private async Task<SendResult> OpenAndTransmitAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients,
        Action<SessionPhase> enter, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            enter(SessionPhase.Connect);
            await ConnectAsync(cancellationToken).ConfigureAwait(false);
            enter(SessionPhase.Authenticate);
            var failure = await AuthenticateAsync(message, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                failure.OpeningFailed = true;
                return failure;
            }
        }

        enter(SessionPhase.Transmit);
        return await TransmitAsync(message, sender, recipients, cancellationToken).ConfigureAwait(false);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var port = _settings.EffectivePort;
        SmtpLog.Connecting(_logger, _settings.Host!, port, _settings.Mode);
        var options = _settings.Mode switch
        {
            SessionMode.ImplicitTls => SecureSocketOptions.SslOnConnect,
            SessionMode.NeverTls => SecureSocketOptions.None,
            SessionMode.RequireStartTls => SecureSocketOptions.StartTls,
            // Never Auto: Auto would pick implicit TLS on port 465.
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };

        if (_synchronous)
        {
            _client.Connect(_settings.Host!, port, options, cancellationToken);
        }
        else
        {
            await _client.ConnectAsync(_settings.Host!, port, options, cancellationToken).ConfigureAwait(false);
        }

        SmtpLog.Connected(_logger, _client.IsSecure);
    }

    /// <summary>
    /// The one place where authentication is chosen: none without credentials; never in clear text in mode 0 (the
    /// server did not offer STARTTLS, or it was stripped: 12002, nothing sent); otherwise 4D's mechanism rules.
    /// </summary>
    private async Task<SendResult?> AuthenticateAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!AuthMechanisms.IsConfigured(_settings))
        {
            return null;
        }

        if (!_client.IsSecure && _settings.Mode == SessionMode.Upgradable)
        {
            await DisconnectAsync(cancellationToken).ConfigureAwait(false);
            ResetClient();
            return SendResult.Failure(ErrorCodes.StartTlsNotOffered,
                $"{_settings.Host}:{_settings.EffectivePort} did not offer STARTTLS, and mode 0 never sends credentials in clear text (use mode 2 to allow it deliberately).",
                messageId: message.MessageId);
        }

        var (mechanism, code, detail) = await AuthMechanisms.ChooseAsync(_client.AuthenticationMechanisms.ToList(), _settings, cancellationToken).ConfigureAwait(false);
        if (mechanism is null)
        {
            // Nothing was sent; QUIT so that a forced mode never turns into a silent fallback on the next try either.
            await DisconnectAsync(cancellationToken).ConfigureAwait(false);
            ResetClient();
            return SendResult.Failure(code, detail, messageId: message.MessageId);
        }

        if (_synchronous)
        {
            _client.Authenticate(mechanism, cancellationToken);
        }
        else
        {
            await _client.AuthenticateAsync(mechanism, cancellationToken).ConfigureAwait(false);
        }

        SmtpLog.Authenticated(_logger, mechanism.MechanismName);
        return null;
    }

    private async Task<SendResult> TransmitAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        _client.BeginTransaction();
        var international = WireFormats.NeedsSmtpUtf8(sender, recipients);
        if (international && (_client.Capabilities & SmtpCapabilities.UTF8) == 0)
        {
            return SendResult.Failure(ErrorCodes.ExtensionNotOffered,
                "An envelope address has non-ASCII characters before its '@' and the server does not offer SMTPUTF8; nothing was sent.", messageId: message.MessageId);
        }

        var format = international ? WireFormats.International : WireFormats.Ascii;
        if ((_client.Capabilities & SmtpCapabilities.Size) != 0 && _client.MaxSize > 0)
        {
            // MailKit declares SIZE= in MAIL FROM but sends the data whatever the server announced, and many servers
            // refuse only after the whole message arrived: measured here, a message too large never leaves.
            var size = await MeasureAsync(message, format, _synchronous, cancellationToken).ConfigureAwait(false);
            if (size > (long)_client.MaxSize)
            {
                return SendResult.Failure(ErrorCodes.MessageTooLarge,
                    $"The message is {size} bytes; the server accepts {_client.MaxSize} (its SIZE). Nothing was sent.", messageId: message.MessageId);
            }
        }

        var response = _synchronous
            ? _client.Send(format, message, sender, recipients, cancellationToken)
            : await _client.SendAsync(format, message, sender, recipients, cancellationToken).ConfigureAwait(false);
        var outcomes = _client.Outcomes.ToList();
        var refused = outcomes.FirstOrDefault(o => !o.Accepted);
        if (refused is not null)
        {
            return new SendResult(ErrorCodes.PartiallyDelivered, true, refused.SmtpStatus, refused.ServerText,
                $"{refused.Address} was refused ({refused.SmtpStatus}); the message went to the {outcomes.Count(o => o.Accepted)} other recipient(s).", outcomes, message.MessageId);
        }

        return new SendResult(ErrorCodes.NoError, true, 250, response, null, outcomes, message.MessageId);
    }

    private static async Task<long> MeasureAsync(MimeMessage message, FormatOptions format, bool synchronous, CancellationToken cancellationToken)
    {
        using var measuring = new MimeKit.IO.MeasuringStream();
        if (synchronous)
        {
            message.WriteTo(format, measuring, cancellationToken);
        }
        else
        {
            await message.WriteToAsync(format, measuring, cancellationToken).ConfigureAwait(false);
        }

        return measuring.Length;
    }

    private async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_synchronous)
            {
                _client.NoOp(cancellationToken);
            }
            else
            {
                await _client.NoOpAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (SendFailure.IsConnectionLoss(ex) || ex is SmtpCommandException)
        {
            return false;
        }
    }

    private void ResetClient()
    {
        _client.Dispose();
        _client = NewClient();
    }

    private SessionSmtpClient NewClient()
    {
        var client = new SessionSmtpClient(new TransactionTracker())
        {
            Timeout = _settings.TimeoutSeconds * 1000,
            ServerCertificateValidationCallback = CertificateTrust.Create(_settings),
        };
        if (!string.IsNullOrEmpty(_settings.LocalDomain))
        {
            client.LocalDomain = _settings.LocalDomain;
        }

        return client;
    }
}
