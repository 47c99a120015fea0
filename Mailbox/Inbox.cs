using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox.Protocol;

namespace TypedMail.Mailbox;

/// <summary>The thread-safe list of received messages, the sessions seen, and the waits on arrivals.</summary>
internal sealed class Inbox
{
    private readonly object _gate = new();
    private readonly List<ReceivedMessage> _messages = new();
    private readonly List<MailboxSession> _sessions = new();
    private readonly string? _emlDirectory;
    private TaskCompletionSource _arrival = NewSignal();
    private int _sequence;
    private int _sessionCount;

    public Inbox(string? emlDirectory) => _emlDirectory = emlDirectory;

    /// <summary>Raised after a message is added, on the session's thread.</summary>
    public event Action<ReceivedMessage>? Received;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get { lock (_gate) { return _messages.ToArray(); } }
    }

    public IReadOnlyList<MailboxSession> Sessions
    {
        get { lock (_gate) { return _sessions.ToArray(); } }
    }

    public MailboxSession OpenSession()
    {
        lock (_gate)
        {
            var session = new MailboxSession(++_sessionCount, DateTimeOffset.UtcNow);
            _sessions.Add(session);
            return session;
        }
    }

    public async Task AcceptAsync(
        string mailFrom,
        IReadOnlyList<string> recipients,
        ReadOnlySequence<byte> content,
        bool secure,
        string? authenticatedUser,
        MailboxSession? session,
        CancellationToken cancellationToken)
    {
        session ??= OpenSession();
        var receivedAt = DateTimeOffset.UtcNow;
        var number = Interlocked.Increment(ref _sequence);
        StoredMessage stored;
        if (_emlDirectory is null)
        {
            stored = await StoredMessage.InMemoryAsync(content, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Directory.CreateDirectory(_emlDirectory);
            var emlPath = Path.Combine(_emlDirectory, $"{receivedAt:yyyyMMdd'T'HHmmss'.'fffffff}-{number:D4}-{Guid.NewGuid():N}.eml");
            stored = await StoredMessage.OnDiskAsync(content, emlPath, cancellationToken).ConfigureAwait(false);
        }

        var (rawMime, message, emlPathWritten) = (stored.RawMime, stored.Message, stored.EmlPath);
        var transcript = session.RecordMessage(secure);
        var received = new ReceivedMessage(
            mailFrom, recipients, rawMime, message, secure, session.StartTlsIssued,
            authenticatedUser ?? session.AuthenticatedUser, emlPathWritten, receivedAt, session, transcript, stored);

        TaskCompletionSource arrived;
        lock (_gate)
        {
            _messages.Add(received);
            arrived = _arrival;
            _arrival = NewSignal();
        }

        arrived.TrySetResult();
        Received?.Invoke(received);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive or infinite.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_messages.Count >= count)
                {
                    return _messages.ToArray();
                }

                next = _arrival.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Expected {count} message(s) within {timeout}, but the mailbox received {Messages.Count}.");
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var message in _messages)
            {
                message.Release();
            }

            _messages.Clear();
            _sessions.Clear();
        }
    }

    /// <summary>Forgets one message and closes its .eml file; false when it is not (or no longer) here.</summary>
    public bool Remove(ReceivedMessage message)
    {
        lock (_gate)
        {
            if (!_messages.Remove(message))
            {
                return false;
            }
        }

        message.Release();
        return true;
    }

    /// <summary>Closes the .eml files that parsed messages read from; the messages stay listed.</summary>
    public void ReleaseStorage()
    {
        lock (_gate)
        {
            foreach (var message in _messages)
            {
                message.Release();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
