using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail;

/// <summary>
/// The sessions of one <see cref="SmtpSender"/>: at most <c>size</c> connections, each used by one send (or one merge)
/// at a time, connected ones reused first. No method waits for more than one slot while holding another, so concurrent
/// disconnects, closes and sends can never wait for each other in a circle: disconnecting closes the idle connections
/// at once and the busy ones when they come back; closing is one task shared by every caller.
/// </summary>
internal sealed class SessionPool
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpSession> _idle = new();
    private readonly Func<SmtpSession> _create;
    private readonly object _closeLock = new();
    private Task? _closing;
    private int _closed;
    private int _disconnects;

    public SessionPool(int size, Func<SmtpSession> create)
    {
        Size = size;
        _create = create;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>How many sessions at most.</summary>
    public int Size { get; }

    /// <summary>Whether <see cref="CloseAsync"/> was called: rentals get null, merges stop before their next message.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public bool AnyConnected
    {
        get
        {
            foreach (var session in _idle)
            {
                if (session.IsConnected)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A session for one send, or null once the pool is closed. Give it back with <see cref="ReturnAsync"/>.</summary>
    public async Task<SmtpSession?> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (IsClosed)
        {
            _slots.Release();
            return null;
        }

        try
        {
            var session = _idle.TryPop(out var idle) ? idle : _create();
            session.DisconnectsSeen = Volatile.Read(ref _disconnects);
            return session;
        }
        catch
        {
            // Creating the session threw: the slot is not lost with it.
            _slots.Release();
            throw;
        }
    }

    /// <summary>The result of a send whose connection could not be prepared from the settings (creating the session threw).</summary>
    public static SendResult Unusable(Exception exception, string? messageId) =>
        SendResult.NotAttempted(ErrorCodes.InvalidArgument,
            $"The connection could not be prepared from the settings: {exception.GetType().Name}: {exception.Message}", messageId);

    /// <summary>Gives a rented session back; it sends QUIT first if <see cref="DisconnectAsync"/> was called while it was out.</summary>
    public async Task ReturnAsync(SmtpSession session)
    {
        try
        {
            if (session.DisconnectsSeen != Volatile.Read(ref _disconnects))
            {
                await session.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _idle.Push(session);
            _slots.Release();
        }
    }

    /// <summary>
    /// QUIT on every idle connection now, and on each busy one when its send ends (the sessions stay, and reconnect on
    /// the next send). Takes only the slots free at this moment, never waits for one.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _disconnects);
        var taken = 0;
        var sessions = new List<SmtpSession>();
        try
        {
            while (taken < Size && _slots.Wait(0))
            {
                taken++;
            }

            // With these slots held, as many idle sessions are this call's alone (a renter holding a slot keeps its own).
            while (sessions.Count < taken && _idle.TryPop(out var session))
            {
                sessions.Add(session);
            }

            foreach (var session in sessions)
            {
                await session.DisconnectAsync(cancellationToken).ConfigureAwait(false);
                session.DisconnectsSeen = Volatile.Read(ref _disconnects);
            }
        }
        finally
        {
            foreach (var session in sessions)
            {
                _idle.Push(session);
            }

            if (taken > 0)
            {
                _slots.Release(taken);
            }
        }
    }

    /// <summary>
    /// Waits for the sends in flight, then QUIT and close every connection; later rentals get null. Every caller gets
    /// the same task.
    /// </summary>
    public Task CloseAsync()
    {
        lock (_closeLock)
        {
            Volatile.Write(ref _closed, 1);
            return _closing ??= CloseOnceAsync();
        }
    }

    private async Task CloseOnceAsync()
    {
        // One slot at a time is safe here: every holder gives its slot back (a renter at once, a send or a merge when
        // its message ends, a disconnect when its QUIT ends), and nothing else waits for slots while holding one.
        for (var i = 0; i < Size; i++)
        {
            // The semaphore is never disposed: a send still waiting for a slot gets null, not an ObjectDisposedException.
            await _slots.WaitAsync().ConfigureAwait(false);
        }

        while (_idle.TryPop(out var session))
        {
            await session.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            session.Dispose();
        }

        _slots.Release(Size);
    }
}
