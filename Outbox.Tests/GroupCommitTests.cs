using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Outbox.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task WritesAskedForDuringACommit_ShareTheNextOne_AndEachGetsItsOwnAnswer()
    {
        await using var fixture = new OutboxFixture(OutboxFixture.FreePort());
        for (var i = 1; i <= 8; i++)
        {
            await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(i));
        }

        var now = fixture.Clock.GetUtcNow();
        var claimed = await fixture.Store.ClaimAsync("worker", now, now + fixture.Options.LeaseDuration, 10, default);
        Assert.Equal(8, claimed.Count);

        // The first commit is held open until the other seven writes are queued: they must all go in the second one.
        var firstCommitEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCommitMayRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = new List<int>();
        var commit = new GroupCommit(async (writes, token) =>
        {
            int number;
            lock (groups)
            {
                groups.Add(writes.Count);
                number = groups.Count;
            }

            if (number == 1)
            {
                firstCommitEntered.SetResult();
                await firstCommitMayRun.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
            }

            return await fixture.Store.WriteGroupAsync(writes, token);
        });

        var sent = new Completion(OutboxState.Sent, 0, "250 OK", now, null);
        var answers = new List<Task<bool>> { commit.WriteAsync(new LeaseWrite(claimed[0].Id, "worker", null)) };
        await firstCommitEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        answers.Add(commit.WriteAsync(new LeaseWrite(claimed[1].Id, "another-worker", sent)));   // not its lease
        answers.AddRange(claimed.Skip(2).Take(3).Select(e => commit.WriteAsync(new LeaseWrite(e.Id, "worker", null))));
        answers.AddRange(claimed.Skip(5).Select(e => commit.WriteAsync(new LeaseWrite(e.Id, "worker", sent))));
        firstCommitMayRun.SetResult();
        var held = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 7], groups);
        Assert.Equal([true, false, true, true, true, true, true, true], held);
        var states = (await fixture.Outbox.ListAsync().ToArrayAsync()).ToDictionary(e => e.Id, e => e.State);
        Assert.Equal(OutboxState.Sending, states[claimed[1].Id]);
        Assert.All(claimed.Skip(5), e => Assert.Equal(OutboxState.Sent, states[e.Id]));
        Assert.All(claimed.Take(5).Where((_, i) => i != 1), e => Assert.Equal(OutboxState.Sending, states[e.Id]));

        // The marks are durable: once these leases expire, those entries are Unknown, the unmarked one Pending.
        fixture.Clock.Advance(fixture.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var recovered = await fixture.Store.RecoverExpiredLeasesAsync(fixture.Clock.GetUtcNow(), default);
        Assert.Equal(new LeaseRecovery(ToPending: 1, ToUnknown: 4), recovered);
    }

    [Fact]
    public async Task AGroupThatFails_FailsEveryWriteInIt_AndTheNextGroupStillCommits()
    {
        var calls = 0;
        var commit = new GroupCommit((writes, _) =>
            Interlocked.Increment(ref calls) == 1
                ? Task.FromException<IReadOnlyList<bool>>(new InvalidOperationException("disk full"))
                : Task.FromResult<IReadOnlyList<bool>>(writes.Select(_ => true).ToArray()));

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.WriteAsync(new LeaseWrite(1, "worker", null)).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("disk full", failed.Message);
        Assert.True(await commit.WriteAsync(new LeaseWrite(2, "worker", null)).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
