using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using TypedMail.Mailbox;

namespace TypedMail.Outbox.Tests;

/// <summary>The crash tests' shared parts (also compiled into the PostgreSQL store's tests): the worker process and the accounting.</summary>
internal static class CrashWorkers
{
    /// <summary>Starts Outbox.Tests.CrashWorker on <paramref name="store"/> ("sqlite" or "postgresql"); its output is redirected.</summary>
    public static Process Start(string store, string connectionString, int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TypedMail.Outbox.Tests.CrashWorker.dll"));
        info.ArgumentList.Add(store);
        info.ArgumentList.Add(connectionString);
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(info) ?? throw new InvalidOperationException("the worker process did not start");
    }

    /// <summary>
    /// Every entry's state against what the server received: Sent ⇒ exactly once, Failed ⇒ never, Unknown ⇒ at most
    /// once; nothing left Pending or Sending; no message twice; <paramref name="expected"/> entries.
    /// </summary>
    public static void AssertEveryStateTellsTheTruth(IReadOnlyList<OutboxEntry> entries, IEnumerable<ReceivedMessage> messages, int expected)
    {
        var received = messages.GroupBy(m => m.Message.MessageId ?? "(none)").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, entries.Count);
        Assert.DoesNotContain(entries, e => e.State is OutboxState.Pending or OutboxState.Sending);
        Assert.All(received, pair => Assert.True(pair.Value == 1, $"{pair.Key} arrived {pair.Value} times"));
        foreach (var entry in entries)
        {
            var count = received.GetValueOrDefault(entry.MessageId);
            Assert.True(
                entry.State switch { OutboxState.Sent => count == 1, OutboxState.Failed => count == 0, OutboxState.Unknown => count <= 1, _ => false },
                $"entry {entry.Id} is {entry.State} and arrived {count} times");
        }
    }
}
