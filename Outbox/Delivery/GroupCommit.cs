using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Outbox;

/// <summary>
/// Group commit for a worker's lease writes: the marks and outcomes asked for while a commit is running are written
/// together by the next one, in one transaction. A commit costs one disk flush whatever it holds, so with several
/// sends in flight the flushes per message fall as the load rises, and a lone write still commits at once (no timer,
/// no waiting for company). Each caller's task completes only when its own write is durable.
/// </summary>
internal sealed class GroupCommit
{
    private readonly Func<IReadOnlyList<LeaseWrite>, CancellationToken, Task<IReadOnlyList<bool>>> _writeGroup;
    private readonly object _gate = new();
    private List<(LeaseWrite Write, TaskCompletionSource<bool> Done)> _waiting = [];
    private bool _committing;

    /// <param name="writeGroup">Writes one group in one transaction (<see cref="IOutboxStore.WriteGroupAsync"/>).</param>
    public GroupCommit(Func<IReadOnlyList<LeaseWrite>, CancellationToken, Task<IReadOnlyList<bool>>> writeGroup)
    {
        _writeGroup = writeGroup;
    }

    /// <summary>Writes <paramref name="write"/> in the next group; true once durable while its lease was still held.</summary>
    public Task<bool> WriteAsync(LeaseWrite write)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((write, done));
            start = !_committing;
            _committing = true;
        }

        if (start)
        {
            _ = Task.Run(CommitUntilEmptyAsync);
        }

        return done.Task;
    }

    private async Task CommitUntilEmptyAsync()
    {
        while (true)
        {
            List<(LeaseWrite Write, TaskCompletionSource<bool> Done)> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _committing = false;
                    return;
                }

                group = _waiting;
                _waiting = [];
            }

            try
            {
                var writes = new LeaseWrite[group.Count];
                for (var i = 0; i < group.Count; i++)
                {
                    writes[i] = group[i].Write;
                }

                // Not cancellable: a write that reached the database finishes, so its caller learns the truth.
                var held = await _writeGroup(writes, CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.SetResult(held[i]);
                }
            }
            catch (Exception exception)
            {
                // Rolled back: none of the group is written; each caller sees the failure (a mark's send stops before its dot).
                foreach (var (_, done) in group)
                {
                    done.SetException(exception);
                }
            }
        }
    }
}
