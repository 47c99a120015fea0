using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace TypedMail.Outbox;

/// <summary>
/// Delivers due entries: recovers expired leases, claims a batch with a lease, sends each through the registered sender
/// (up to <see cref="OutboxOptions.MaxConcurrentSends"/> at once), and records each outcome. Many workers (threads,
/// processes, machines) may run against one store: a claim is one conditional UPDATE, so no entry is sent by two.
/// </summary>
internal sealed class DeliveryWorker : BackgroundService
{
    private readonly IOutboxStore _store;
    private readonly DeliveryTransport _transport;
    private readonly OutboxOptions _options;
    private readonly RetryPolicy _policy;
    private readonly DeliverySignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GroupCommit _writes;
    private static readonly TimeSpan GaugeRefreshInterval = TimeSpan.FromSeconds(5);

    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private DateTimeOffset _nextGaugeRefresh = DateTimeOffset.MinValue;

    public DeliveryWorker(IOutboxStore store, DeliveryTransport transport, OutboxOptions options, DeliverySignal signal, TimeProvider time, ILogger logger)
    {
        _store = store;
        _transport = transport;
        _options = options;
        _policy = new RetryPolicy(options);
        _signal = signal;
        _time = time;
        _logger = logger;
        _writes = new GroupCommit(store.WriteGroupAsync);
        OutboxTelemetry.Touch();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away (a restart, a full disk): keep the worker alive and try again after a poll.
                _logger.LogError(exception, "TypedMail outbox: a delivery round failed; retrying in {Interval}.", _options.PollInterval);
                handled = 0;
            }

            if (handled == 0)
            {
                try
                {
                    await _signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: recovery, one claimed batch, its sends. Returns how many entries it sent or tried.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var recovered = await _store.RecoverExpiredLeasesAsync(now, cancellationToken).ConfigureAwait(false);
        if (recovered.ToPending + recovered.ToUnknown > 0)
        {
            OutboxTelemetry.Recovered.Add(recovered.ToPending, new KeyValuePair<string, object?>("state", nameof(OutboxState.Pending)));
            OutboxTelemetry.Recovered.Add(recovered.ToUnknown, new KeyValuePair<string, object?>("state", nameof(OutboxState.Unknown)));
            _logger.LogWarning("TypedMail outbox: expired leases recovered: {Pending} back to Pending (their end of data was never written), {Unknown} to Unknown (it may have been).", recovered.ToPending, recovered.ToUnknown);
        }

        var claimed = await _store.ClaimAsync(_owner, now, now + _options.LeaseDuration, _options.ClaimBatchSize, cancellationToken).ConfigureAwait(false);
        if (claimed.Count > 0)
        {
            using var gate = new SemaphoreSlim(_options.MaxConcurrentSends);
            await Task.WhenAll(claimed.Select(entry => DeliverGatedAsync(entry, gate, cancellationToken))).ConfigureAwait(false);
        }

        // The gauges' figures cost two queries: taken every few seconds, not on every round of a busy worker.
        if (now >= _nextGaugeRefresh)
        {
            _nextGaugeRefresh = now + GaugeRefreshInterval;
            OutboxTelemetry.LastCounts = await _store.CountAsync(cancellationToken).ConfigureAwait(false);
            OutboxTelemetry.LastOldestPendingSeconds = (await _store.OldestPendingAgeAsync(now, cancellationToken).ConfigureAwait(false))?.TotalSeconds;
        }

        return claimed.Count;
    }

    private async Task DeliverGatedAsync(ClaimedEntry entry, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        Task<bool> recorded;
        Completion completion;
        SendResult result;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await SendAsync(entry, cancellationToken).ConfigureAwait(false) is not { } sent)
            {
                return;
            }

            result = sent;

            // Stopped before it went (the host is shutting down): due again at once, for the next worker or the next start.
            completion = cancellationToken.IsCancellationRequested && result.Code is ErrorCodes.Cancelled or ErrorCodes.NotAttempted
                ? new Completion(OutboxState.Pending, result.Code, result.ToString(), _time.GetUtcNow(), null)
                : _policy.Decide(entry, result, _time.GetUtcNow());

            // The outcome joins the next group commit; the connection is free for the next entry meanwhile. Until that
            // commit the entry stays Sending with its mark, so a crash in between leaves it Unknown, never resent.
            recorded = _writes.WriteAsync(new LeaseWrite(entry.Id, _owner, completion));
        }
        finally
        {
            gate.Release();
        }

        await RecordAsync(entry, result, completion, recorded).ConfigureAwait(false);
    }

    /// <summary>Sends one entry; null when it was not completed by this worker (lease lost, or shutting down mid-send).</summary>
    private async Task<SendResult?> SendAsync(ClaimedEntry entry, CancellationToken cancellationToken)
    {
        // The mark's commit starts with the send, so its disk flush overlaps the SMTP round trips; the dot still waits for it.
        var mark = _writes.WriteAsync(new LeaseWrite(entry.Id, _owner, null));
        _ = mark.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);   // observed even when the send fails before its dot
        try
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(entry.Mime, writable: false), cancellationToken).ConfigureAwait(false);
            var recipients = entry.Recipients.Select(MailboxAddress.Parse).ToList();
            return await _transport.SendAsync(message, MailboxAddress.Parse(entry.EnvelopeSender), recipients, MarkAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException exception)
        {
            _logger.LogWarning("{Reason}", exception.Message);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and recovery decides from the mark, as after a crash.
            return null;
        }

        async Task MarkAsync(CancellationToken token)
        {
            // Joins the marks and outcomes of the other sends in flight in one commit; durable before the dot is written.
            if (!await mark.WaitAsync(token).ConfigureAwait(false))
            {
                throw new LeaseLostException(entry.Id);
            }
        }
    }

    private async Task RecordAsync(ClaimedEntry entry, SendResult result, Completion completion, Task<bool> recorded)
    {
        if (!await recorded.ConfigureAwait(false))
        {
            _logger.LogWarning("TypedMail outbox: entry {Id} was no longer leased to this worker when its outcome ({Code}) was recorded.", entry.Id, result.Code);
        }

        OutboxTelemetry.Outcomes.Add(1, new KeyValuePair<string, object?>("state", completion.State.ToString()), new KeyValuePair<string, object?>("code", result.Code));
        if (completion.State == OutboxState.Pending)
        {
            _logger.LogInformation("TypedMail outbox: entry {Id} ({MessageId}) attempt {Attempt}: {Result}; next attempt at {Next:O}.", entry.Id, entry.MessageId, entry.Attempts, result.ToString(), completion.NextAttemptAt);
        }
        else if (completion.State != OutboxState.Sent || result.Code != 0)
        {
            _logger.LogWarning("TypedMail outbox: entry {Id} ({MessageId}) is {State} after attempt {Attempt}: {Result}.", entry.Id, entry.MessageId, completion.State, entry.Attempts, result.ToString());
        }
    }
}
