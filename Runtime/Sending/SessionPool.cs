using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail;

/// <summary>
/// The sessions of one <see cref="SmtpSender"/>: at most <c>size</c> connections, each used by one send at a time,
/// connected ones reused first. Closing waits for the sends in flight, then sends QUIT on each connection.
/// </summary>
internal sealed class SessionPool
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpSession> _idle = new();
    private readonly Func<SmtpSession> _create;
    private readonly int _size;
    private volatile bool _closed;

    public SessionPool(int size, Func<SmtpSession> create)
    {
        _size = size;
        _create = create;
        _slots = new SemaphoreSlim(size, size);
    }

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

    /// <summary>A session for one send, or null once the pool is closed. Give it back with <see cref="Return"/>.</summary>
    public async Task<SmtpSession?> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_closed)
        {
            _slots.Release();
            return null;
        }

        return _idle.TryPop(out var session) ? session : _create();
    }

    public void Return(SmtpSession session)
    {
        _idle.Push(session);
        _slots.Release();
    }

    /// <summary>QUIT on every idle connection (the sessions stay, and reconnect on the next send).</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        try
        {
            for (; taken < _size; taken++)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var session in _idle)
            {
                await session.DisconnectAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (taken > 0)
            {
                _slots.Release(taken);
            }
        }
    }

    /// <summary>Waits for the sends in flight, then QUIT and close every connection; later rentals get null.</summary>
    public async Task CloseAsync()
    {
        _closed = true;
        for (var i = 0; i < _size; i++)
        {
            // The semaphore is never disposed: a send still waiting for a slot gets null, not an ObjectDisposedException.
            await _slots.WaitAsync().ConfigureAwait(false);
        }

        while (_idle.TryPop(out var session))
        {
            await session.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            session.Dispose();
        }

        _slots.Release(_size);
    }
}
