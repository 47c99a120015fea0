using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail;

/// <summary>
/// A mail merge over several connections rented from the sender's pool: results in input order, progress across all,
/// never more connections than asked nor than the pool holds (other sends of the same sender share its limit). A
/// connection the server refuses with 421 ("too many connections") while opening or at MAIL FROM is given up and its
/// message handed to the others: the count goes down instead of failing messages (the last connection keeps the
/// ordinary rules). Each connection sends QUIT at the end. Once the sender is disposed, the messages not yet on the
/// wire get 12020 (not attempted) and the dispose waits for the ones that are.
/// </summary>
internal static class ParallelMerge
{
    public static async Task<IReadOnlyList<SendResult>> RunAsync<T>(IEnumerable<T> messages, int connections,
        Func<T, SmtpSession, CancellationToken, Task<SendResult>> send, SessionPool pool,
        IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        if (connections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(connections), connections, "At least one connection.");
        }

        var all = messages as IReadOnlyList<T> ?? messages.ToList();
        var state = new State(all.Count);
        var workers = Math.Max(1, Math.Min(Math.Min(connections, pool.Size), all.Count));
        state.Active = workers;
        using (var drained = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(all, state, send, pool, drained, progress, cancellationToken))))
                .ConfigureAwait(false);
        }

        // A message handed back by a connection given up after every other one had finished.
        if (!state.HandedBack.IsEmpty)
        {
            state.Active = 1;
            using var drained = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await WorkAsync(all, state, send, pool, drained, progress, cancellationToken).ConfigureAwait(false);
        }

        return state.Results;
    }

    /// <summary>
    /// One connection's share of the merge. A worker still waiting for a connection when every message is taken stops
    /// waiting (<paramref name="drained"/>), so the merge never waits for other senders' connections it no longer needs.
    /// </summary>
    private static async Task WorkAsync<T>(IReadOnlyList<T> all, State state, Func<T, SmtpSession, CancellationToken, Task<SendResult>> send,
        SessionPool pool, CancellationTokenSource drained, IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        SmtpSession? session = null;
        SendResult? unusable = null;
        try
        {
            try
            {
                session = await pool.RentAsync(drained.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (drained.IsCancellationRequested)
            {
                // Every message was taken by the other connections, or the caller cancelled (the loop below says so).
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unusable = SessionPool.Unusable(ex, null);
            }

            while (state.TryNext(out var index))
            {
                SendResult result;
                if (cancellationToken.IsCancellationRequested)
                {
                    result = SendResult.NotAttempted(ErrorCodes.Cancelled, "The merge was cancelled before this message.");
                }
                else if (session is null || pool.IsClosed)
                {
                    result = unusable ?? SendResult.NotAttempted(ErrorCodes.NotAttempted, "The sender was disposed before this message's turn.");
                }
                else if (Volatile.Read(ref state.OpeningFailures) >= 2)
                {
                    result = SendResult.NotAttempted(ErrorCodes.NotAttempted, "The merge stopped: the session could not be opened twice in a row.");
                }
                else
                {
                    result = await SendOneAsync(all[index], session, send, cancellationToken).ConfigureAwait(false);
                    if (result.OpeningFailed && result.SmtpStatus == 421 && state.TryRetire())
                    {
                        // Too many connections: one fewer, and this message goes to another connection.
                        state.HandedBack.Enqueue(index);
                        return;
                    }

                    if (result.OpeningFailed)
                    {
                        Interlocked.Increment(ref state.OpeningFailures);
                    }
                    else
                    {
                        Interlocked.Exchange(ref state.OpeningFailures, 0);
                    }
                }

                state.Results[index] = result;
                var completed = Interlocked.Increment(ref state.Completed);
                progress?.Report(new SendProgress(completed, all.Count, result));
            }

            drained.Cancel();
        }
        finally
        {
            if (session is not null)
            {
                await session.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
                await pool.ReturnAsync(session).ConfigureAwait(false);
            }
        }
    }

    private static async Task<SendResult> SendOneAsync<T>(T message, SmtpSession session, Func<T, SmtpSession, CancellationToken, Task<SendResult>> send,
        CancellationToken cancellationToken)
    {
        try
        {
            return await send(message, session, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SendResult.NotAttempted(ErrorCodes.Cancelled, "The merge was cancelled before this message was sent.");
        }
        catch (Exception ex)
        {
            return RenderFailure.From(ex);
        }
    }

    private sealed class State(int count)
    {
        public readonly SendResult[] Results = new SendResult[count];
        public readonly ConcurrentQueue<int> HandedBack = new();
        public int OpeningFailures;
        public int Completed;
        public int Active;
        private int _next = -1;

        public bool TryNext(out int index)
        {
            if (HandedBack.TryDequeue(out index))
            {
                return true;
            }

            index = Interlocked.Increment(ref _next);
            return index < Results.Length;
        }

        /// <summary>Gives up one connection unless it is the last one.</summary>
        public bool TryRetire()
        {
            while (true)
            {
                var active = Volatile.Read(ref Active);
                if (active <= 1)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref Active, active - 1, active) == active)
                {
                    return true;
                }
            }
        }
    }
}
