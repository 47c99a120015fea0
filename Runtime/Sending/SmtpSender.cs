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
/// Sends over SMTP connections kept open between sends (one by default, up to <see cref="SmtpSettings.MaxConnections"/>
/// for concurrent sends); checks one with NOOP only after it was idle longer than
/// <see cref="SmtpSettings.IdleCheckSeconds"/>. Each message is transmitted at most once (a lost connection is
/// replaced and the message resent only when the end of its data was not written yet; otherwise 12013). Sends beyond
/// the connections allowed wait for one (a MailKit client is one connection, used by one send at a time). Server and network failures, and a cancellation (10000), come
/// back as results, never as exceptions. Disposing waits for the send in flight, then sends QUIT.
/// </summary>
public sealed partial class SmtpSender : IDisposable, IAsyncDisposable
{
    private readonly SmtpSettings _settings;
    private readonly ILogger _logger;
    private readonly SessionPool _pool;
    private int _disposed;
    private int _rulesLogged;
    private readonly DkimSigning? _dkim;

    /// <summary>Creates a sender; the settings are copied (later changes to <paramref name="settings"/> do not apply).</summary>
    /// <param name="settings">The server, mode, credentials and timeout.</param>
    /// <param name="logger">Where to log (never credentials); none by default.</param>
    public SmtpSender(SmtpSettings settings, ILogger? logger = null)
        : this(settings, logger, synchronous: false)
    {
    }

    /// <summary>
    /// A sender whose sessions use MailKit's blocking calls (<paramref name="synchronous"/>): its tasks complete on the
    /// caller's thread, for the 4D facade, which must block until a send ends (<see cref="BlockingSend"/>).
    /// </summary>
    internal SmtpSender(SmtpSettings settings, ILogger? logger, bool synchronous)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        _settings = settings.Copy();
        _logger = logger ?? NullLogger.Instance;
        _pool = new SessionPool(Math.Max(1, _settings.MaxConnections), () => new SmtpSession(_settings, _logger, synchronous));
        _dkim = DkimSigning.From(_settings.Dkim);
    }

    /// <summary>Whether a connection is open (it may still have been closed by the server since).</summary>
    public bool IsConnected => _pool.AnyConnected;

    /// <summary>
    /// Sends the message reference; checks first, with nothing on the wire when one fails: host (10005), From (10006),
    /// a recipient (10007), then <see cref="SmtpRules"/> (an error gives 12007; warnings are logged).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The message or this sender was disposed.</exception>
    public Task<SendResult> SendAsync(SmtpMessage message, CancellationToken cancellationToken = default) => SendAsync(message, null, cancellationToken);

    /// <summary>Sends over <paramref name="session"/> (a merge's own connection), or a pooled one when it is null.</summary>
    internal Task<SendResult> SendAsync(SmtpMessage message, SmtpSession? session, CancellationToken cancellationToken)
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

        WrittenMessage mime;
        try
        {
            mime = message.Write();
        }
        catch (Exception ex) when (ex is not ObjectDisposedException)
        {
            return Task.FromResult(RenderFailure.From(ex));
        }

        return SendCheckedAsync(mime, mime.Envelope.Sender!, mime.Envelope.Recipients.ToList(), session, cancellationToken);
    }

    /// <summary>
    /// Sends what the MIME writer produced for a typed message (<see cref="TypedMessageWriting"/>) to its envelope, over
    /// <paramref name="session"/> (a merge's own connection) or a pooled one when it is null.
    /// </summary>
    internal Task<SendResult> SendAsync(MimeMessage message, MessageEnvelope envelope, SmtpSession? session, CancellationToken cancellationToken) =>
        SendAsync(message, envelope.Sender!, envelope.Recipients, session, cancellationToken);

    /// <summary>
    /// Sends a MIME message: the envelope comes from Sender (or the first From) and To, Cc and Bcc; Bcc is never written on the wire.
    /// </summary>
    public Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default) => SendAsync(message, null, cancellationToken);

    /// <summary>Sends a MIME message with an explicit envelope (MAIL FROM and RCPT TO); Bcc headers are never written on the wire.</summary>
    public Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IEnumerable<MailboxAddress> envelopeRecipients, CancellationToken cancellationToken = default) =>
        SendAsync(message, envelopeSender, envelopeRecipients, null, cancellationToken);

    private Task<SendResult> SendAsync(MimeMessage message, SmtpSession? session, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var sender = message.Sender ?? message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .GroupBy(m => m.Address, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        return SendAsync(message, sender!, recipients, session, cancellationToken);
    }

    private Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IEnumerable<MailboxAddress> envelopeRecipients, SmtpSession? session,
        CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        ThrowIfDisposed();
        var recipients = envelopeRecipients?.ToList() ?? new List<MailboxAddress>();
        var precheck = Precheck(envelopeSender is not null, recipients.Count > 0);
        return precheck is not null ? Task.FromResult(precheck) : SendCheckedAsync(message, envelopeSender!, recipients, session, cancellationToken);
    }

    /// <summary>
    /// Sends many messages over one connection (a mail merge): exactly one result per message, in order, whatever a
    /// message throws (a failure does not stop the next). The merge stops only when the session could not be opened
    /// twice in a row (the rest get 12020, not attempted) or when cancelled: the message on the wire gets 10000 (or
    /// 12013 if its data was already sent), the rest get 10000 with <see cref="SendOutcome.NotAttempted"/>; no exception.
    /// The connection is closed with QUIT at the end of the merge.
    /// </summary>
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<SmtpMessage> messages, IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return MergeAsync(messages, (m, session, ct) => SendAsync(m, session, ct), progress, cancellationToken);
    }

    /// <summary>
    /// Sends many messages over up to <paramref name="connections"/> connections at once, rented from this sender's pool
    /// (a parallel mail merge): one result per message in input order, progress across all, the rules of the
    /// one-connection overload. Never more connections than asked nor than <see cref="SmtpSettings.MaxConnections"/>
    /// (the merge shares that limit with the sender's other sends); a server that answers 421 ("too many connections")
    /// while one opens, or to MAIL FROM, lowers the count instead of failing messages. Each connection sends QUIT at
    /// the end. Disposing the sender during the merge waits for the messages on the wire; the rest get 12020.
    /// </summary>
    /// <param name="messages">The messages.</param>
    /// <param name="connections">How many connections at most (1 or more); capped by <see cref="SmtpSettings.MaxConnections"/>.</param>
    /// <param name="progress">Told after each message, from any connection.</param>
    /// <param name="cancellationToken">Cancels the rest of the merge.</param>
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<SmtpMessage> messages, int connections, IProgress<SendProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        return ParallelMergeAsync(messages, connections, (m, session, ct) => SendAsync(m, session, ct), progress, cancellationToken);
    }

    /// <summary>Sends many MIME messages over up to <paramref name="connections"/> connections at once; as the overload for <see cref="SmtpMessage"/>.</summary>
    /// <param name="messages">The messages; the envelope of each comes from its headers.</param>
    /// <param name="connections">How many connections at most (1 or more).</param>
    /// <param name="progress">Told after each message, from any connection.</param>
    /// <param name="cancellationToken">Cancels the rest of the merge.</param>
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<MimeMessage> messages, int connections, IProgress<SendProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        return ParallelMergeAsync(messages, connections, (m, session, ct) => SendAsync(m, session, ct), progress, cancellationToken);
    }

    /// <summary>Sends many MIME messages over one connection; one result per message, as the overload for <see cref="SmtpMessage"/>.</summary>
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<MimeMessage> messages, IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return MergeAsync(messages, (m, session, ct) => SendAsync(m, session, ct), progress, cancellationToken);
    }

    /// <summary>Runs a parallel merge over connections rented from this sender's pool (<see cref="ParallelMerge"/>).</summary>
    internal Task<IReadOnlyList<SendResult>> ParallelMergeAsync<T>(IEnumerable<T> messages, int connections, Func<T, SmtpSession, CancellationToken, Task<SendResult>> send,
        IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return ParallelMerge.RunAsync(messages, connections, send, _pool, progress, cancellationToken);
    }

    /// <summary>
    /// Runs a merge over one connection rented from the pool for the whole merge, then closes that connection with QUIT
    /// (other callers' connections stay open). Disposing the sender during the merge lets the message on the wire end;
    /// the rest get 12020 (not attempted).
    /// </summary>
    internal async Task<IReadOnlyList<SendResult>> MergeAsync<T>(IEnumerable<T> messages, Func<T, SmtpSession, CancellationToken, Task<SendResult>> send,
        IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        SmtpSession? session = null;
        SendResult? unusable = null;
        try
        {
            session = await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Every message gets 10000, not attempted.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            unusable = SessionPool.Unusable(ex, null);
        }

        try
        {
            return await MailMerge.RunAsync(messages, (message, ct) => session is null || _pool.IsClosed
                ? Task.FromResult(unusable ?? SendResult.NotAttempted(ErrorCodes.NotAttempted, "The sender was disposed before this message's turn."))
                : send(message, session, ct), progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
                await _pool.ReturnAsync(session).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Closes the connections politely (QUIT): the idle ones now, each busy one when its send or merge ends; the next
    /// send opens a new one. Never waits for other sends, so it cannot deadlock with them, another disconnect or a dispose.
    /// </summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) => _pool.DisconnectAsync(cancellationToken);

    /// <summary>Waits for the send in flight, then sends QUIT and closes the connection (blocking; prefer <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Waits for the sends in flight, then sends QUIT and closes the connections. Sends still queued get 12020.</summary>
    /// <remarks>Every caller (also a concurrent one) waits for the same close.</remarks>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        await _pool.CloseAsync().ConfigureAwait(false);
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

        if (_settings.HasIncompleteCredentials)
        {
            return SendResult.Failure(ErrorCodes.IncompleteCredentials,
                string.IsNullOrEmpty(_settings.Password) ? "A user name was given without a password." : "A password was given without a user name.");
        }

        var violations = SmtpRules.Check(_settings.Port, _settings.Mode, _settings.HasCredentials, _settings.TimeoutSeconds);
        var errors = violations.Where(v => v.Severity == RuleSeverity.Error).ToList();
        if (errors.Count > 0 && _settings.EnforceRules)
        {
            return SendResult.Failure(ErrorCodes.RuleViolation, string.Join(" ", errors.Select(e => $"{e.Id}: {e.Message}.")));
        }

        // The settings of a sender never change: their warnings are logged once per sender, not once per message.
        if (Interlocked.Exchange(ref _rulesLogged, 1) == 0)
        {
            foreach (var violation in violations)
            {
                SmtpLog.Rule(_logger, violation);
            }
        }

        return null;
    }

    /// <summary>
    /// Sends a MIME message to an explicit envelope over a pooled connection, running <paramref name="beforeEndOfData"/>
    /// after the message's data and before its end-of-data marker (<see cref="EndOfDataHook"/>): the outbox's durable
    /// mark. Not run when the send fails before the data; run again if the message is resent on a new connection.
    /// </summary>
    internal Task<SendResult> SendMarkedAsync(MimeMessage message, MailboxAddress envelopeSender, IEnumerable<MailboxAddress> envelopeRecipients,
        Func<CancellationToken, Task> beforeEndOfData, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        ThrowIfDisposed();
        var recipients = envelopeRecipients?.ToList() ?? new List<MailboxAddress>();
        var precheck = Precheck(envelopeSender is not null, recipients.Count > 0);
        return precheck is not null ? Task.FromResult(precheck) : SendCheckedAsync(message, envelopeSender!, recipients, null, cancellationToken, beforeEndOfData);
    }

    private async Task<SendResult> SendCheckedAsync(MimeMessage message, MailboxAddress sender, IList<MailboxAddress> recipients, SmtpSession? session,
        CancellationToken cancellationToken, Func<CancellationToken, Task>? beforeEndOfData = null)
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
        var rented = session is null;
        try
        {
            session ??= await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return SendResult.NotAttempted(ErrorCodes.Cancelled, "The send was cancelled before its turn.", message.MessageId);
        }
        catch (Exception ex)
        {
            // The connection could not even be prepared from the settings (its slot went back to the pool).
            return SessionPool.Unusable(ex, message.MessageId);
        }

        if (session is null)
        {
            result = SendResult.NotAttempted(ErrorCodes.NotAttempted, "The sender was disposed before this message's turn.", message.MessageId);
        }
        else
        {
            try
            {
                MessagePreparation.Prepare(message, _settings);
                result = await session.SendAsync(message, sender, recipients, cancellationToken, beforeEndOfData).ConfigureAwait(false);
            }
            finally
            {
                if (rented)
                {
                    await _pool.ReturnAsync(session).ConfigureAwait(false);
                }
            }
        }

        var elapsed = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
        TypedMailTelemetry.SendDuration.Record(elapsed);
        activity?.SetTag("typedmail.code", result.Code);
        // Counted once: a partially delivered message (12014) is a sent message, tagged with its code.
        if (result.Delivered)
        {
            TypedMailTelemetry.MessagesSent.Add(1, new KeyValuePair<string, object?>("typedmail.code", result.Code));
            SmtpLog.Sent(_logger, message.MessageId, result.Recipients.Count(r => r.Accepted));
        }
        else
        {
            TypedMailTelemetry.MessagesFailed.Add(1, new KeyValuePair<string, object?>("typedmail.code", result.Code));
        }

        if (!result.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.ErrorText);
            SmtpLog.Failed(_logger, message.MessageId, result);
        }

        return result;
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(SmtpSender));
        }
    }
}
