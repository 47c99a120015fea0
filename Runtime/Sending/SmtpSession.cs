using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.IO;

namespace TypedMail;

/// <summary>
/// One SMTP connection (one MailKit client) with its settings: connects, upgrades to TLS before any AUTH,
/// authenticates with 4D's mechanism rules, sends messages, and reconnects once when the server closed it.
/// Not thread-safe: <see cref="SmtpSender"/> serialises the calls.
/// </summary>
internal sealed class SmtpSession : IDisposable
{
    /// <summary>CRLF on the wire, and Bcc never written (MailKit 4.18 writes it when the envelope is given explicitly).</summary>
    private static readonly FormatOptions WireFormat = CreateWireFormat();

    private readonly SmtpSettings _settings;
    private readonly ILogger _logger;
    private SessionSmtpClient _client;

    public SmtpSession(SmtpSettings settings, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
        _client = NewClient();
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Sends one message; server and network failures come back as results.</summary>
    public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        var phase = SessionPhase.Connect;
        var reused = _client.IsConnected;
        try
        {
            if (reused && !await IsAliveAsync(cancellationToken).ConfigureAwait(false))
            {
                SmtpLog.Reconnecting(_logger);
                reused = false;
                ResetClient();
            }

            return await ConnectAndTransmitAsync(message, sender, recipients, p => phase = p, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (reused && phase == SessionPhase.Transmit && SendFailure.IsConnectionLoss(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The idle connection passed NOOP but died under the message: one new connection, one more try.
            SmtpLog.Reconnecting(_logger);
            ResetClient();
            phase = SessionPhase.Connect;
            try
            {
                return await ConnectAndTransmitAsync(message, sender, recipients, p => phase = p, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception retry)
            {
                return Fail(retry, phase, message, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            return Fail(ex, phase, message, cancellationToken);
        }
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // QUIT on a dead connection: nothing left to close.
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private SendResult Fail(Exception exception, SessionPhase phase, MimeMessage message, CancellationToken cancellationToken)
    {
        var result = SendFailure.From(exception, phase, _settings, _client.Outcomes.ToList(), message.MessageId, cancellationToken.IsCancellationRequested);
        if (phase != SessionPhase.Transmit || result.Code is < 200 or > 599)
        {
            // After a failed connect or AUTH, or a broken transmission, the next send starts from a new connection.
            ResetClient();
        }

        return result;
    }

    private async Task<SendResult> ConnectAndTransmitAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients,
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

        await _client.ConnectAsync(_settings.Host!, port, options, cancellationToken).ConfigureAwait(false);
        SmtpLog.Connected(_logger, _client.IsSecure);
    }

    private async Task<SendResult?> AuthenticateAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!AuthMechanisms.IsConfigured(_settings))
        {
            return null;
        }

        var (mechanism, code, detail) = await AuthMechanisms.ChooseAsync(_client.AuthenticationMechanisms.ToList(), _settings, cancellationToken).ConfigureAwait(false);
        if (mechanism is null)
        {
            // Nothing was sent; QUIT so that a forced mode never turns into a silent fallback on the next try either.
            await DisconnectAsync(cancellationToken).ConfigureAwait(false);
            ResetClient();
            return SendResult.Failure(code, detail, messageId: message.MessageId);
        }

        await _client.AuthenticateAsync(mechanism, cancellationToken).ConfigureAwait(false);
        SmtpLog.Authenticated(_logger, mechanism.MechanismName);
        return null;
    }

    private async Task<SendResult> TransmitAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        _client.ClearOutcomes();
        if ((_client.Capabilities & SmtpCapabilities.Size) != 0 && _client.MaxSize > 0)
        {
            var size = Measure(message);
            if (size > _client.MaxSize)
            {
                return SendResult.Failure(ErrorCodes.MessageTooLarge, $"The message is {size} bytes; the server accepts {_client.MaxSize}.", messageId: message.MessageId);
            }
        }

        var response = await _client.SendAsync(WireFormat, message, sender, recipients, cancellationToken).ConfigureAwait(false);
        var outcomes = _client.Outcomes.ToList();
        var refused = outcomes.FirstOrDefault(o => !o.Accepted);
        if (refused is not null)
        {
            return new SendResult(refused.SmtpStatus ?? ErrorCodes.UnexpectedError, true, refused.SmtpStatus, refused.ServerText,
                $"{refused.Address} was refused; the message went to the {outcomes.Count(o => o.Accepted)} other recipient(s).", outcomes, message.MessageId);
        }

        return new SendResult(ErrorCodes.NoError, true, 250, response, null, outcomes, message.MessageId);
    }

    private async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.NoOpAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (SendFailure.IsConnectionLoss(ex) || ex is SmtpCommandException)
        {
            return false;
        }
    }

    private static long Measure(MimeMessage message)
    {
        using var measure = new MeasuringStream();
        message.WriteTo(WireFormat, measure);
        return measure.Length;
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.HiddenHeaders.Add(HeaderId.Bcc);
        options.HiddenHeaders.Add(HeaderId.ResentBcc);
        return options;
    }

    private void ResetClient()
    {
        _client.Dispose();
        _client = NewClient();
    }

    private SessionSmtpClient NewClient()
    {
        var client = new SessionSmtpClient
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
