using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;
using Xunit.Abstractions;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>Issue 8 §2: every message of a merge accounted for, one result each, in agreement with what the server received.</summary>
public sealed class MergeAccountingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TypedMerge_WhateverRenderingThrows_GivesOneResultPerMessage_AndGoesOn()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        var messages = new ITypedMailMessage[]
        {
            new Typed("andy@wkrp.com"),
            new Throwing(new FormatException("Input string was not in a correct format.")),
            new Typed("bailey@wkrp.com"),
            new Throwing(new CultureNotFoundException("name", "xx-NOPE", "Culture is not supported.")),
            new Throwing(new IOException("The disk is gone.")),
            new Throwing(new InvalidOperationException("Something else.")),
            new Typed("johnny@wkrp.com"),
        };

        var results = await sender.SendManyAsync(messages);

        Assert.Equal(new[] { 0, ErrorCodes.InvalidArgument, 0, ErrorCodes.InvalidArgument, ErrorCodes.AttachmentNotFound, ErrorCodes.UnexpectedError, 0 },
            results.Select(r => r.Code));
        Assert.Contains("xx-NOPE", results[3].ErrorText);
        Assert.Equal(new[] { "andy@wkrp.com", "bailey@wkrp.com", "johnny@wkrp.com" }, server.Received.Select(m => m.Recipients.Single()));
    }

    [Fact]
    public async Task Merge_StopsWhenTheServerCannotBeReachedAgain_TheRestNotAttempted()
    {
        var port = ClosedPort();
        await using var sender = new SmtpSender(new SmtpSettings { Host = "127.0.0.1", Port = port, Mode = SessionMode.NeverTls, TimeoutSeconds = 5 });
        var messages = Enumerable.Range(0, 5).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();
        var progress = new List<int>();

        var results = await sender.SendManyAsync(messages, new InlineProgress(p => progress.Add(p.Completed)));

        Assert.Equal(5, results.Count);
        Assert.Equal(new[] { ErrorCodes.ConnectionRefused, ErrorCodes.ConnectionRefused }, results.Take(2).Select(r => r.Code));
        Assert.All(results.Skip(2), r => Assert.Equal((ErrorCodes.NotAttempted, SendOutcome.NotAttempted), (r.Code, r.Outcome)));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, progress);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task Merge_Cancelled_GivesOneResultPerMessage_TheRest10000NotAttempted()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var cancel = new CancellationTokenSource();
        var messages = Enumerable.Range(0, 5).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(messages, new InlineProgress(p =>
        {
            if (p.Completed == 2)
            {
                cancel.Cancel();
            }
        }), cancel.Token);

        Assert.Equal(new[] { 0, 0, ErrorCodes.Cancelled, ErrorCodes.Cancelled, ErrorCodes.Cancelled }, results.Select(r => r.Code));
        Assert.All(results.Skip(2), r => Assert.Equal(SendOutcome.NotAttempted, r.Outcome));
        Assert.Equal(2, server.Received.Count);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ThousandMessageMerge_WithASeededFaultEvery20Messages_EveryResultAgreesWithWhatTheServerReceived()
    {
        const int count = 1000;
        var random = new Random(20261203);
        // The stages where any kind of fault applies (a TLS handshake is only dropped or stalled: the fault table has it).
        var stages = Enum.GetValues<FaultStage>().Where(s => s != FaultStage.TlsHandshake).ToArray();
        var kinds = new[] { FaultKind.Drop, FaultKind.Transient, FaultKind.Permanent, FaultKind.Stall };
        var planned = new Dictionary<int, Fault>();
        for (var slot = 0; slot < count / 20; slot++)
        {
            var transaction = slot * 20 + 1 + random.Next(20);
            var stage = stages[random.Next(stages.Length)];
            var kind = stage == FaultStage.DuringData ? FaultKind.Drop : kinds[random.Next(kinds.Length)];
            planned[transaction] = new Fault(stage, kind);
        }

        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromSeconds(2) });
        server.Plan = number => planned.TryGetValue(number, out var fault) ? fault : null;
        await using var sender = new SmtpSender(server.Settings(SessionMode.RequireStartTls, withCredentials: true, timeoutSeconds: 1));
        var messages = Enumerable.Range(0, count).Select(i => new Typed($"listener{i}@wkrp.com", $"<merge-{i}@typedmail.test>")).ToList();

        var results = await sender.SendManyAsync(messages).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(count, results.Count);
        var received = server.Received.GroupBy(m => m.MessageId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(received, r => Assert.Equal(1, r.Value));
        var disagreements = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"merge-{i}@typedmail.test";
            var times = received.TryGetValue(id, out var n) ? n : 0;
            var agrees = results[i].Outcome switch
            {
                SendOutcome.Delivered or SendOutcome.PartiallyDelivered => times == 1,
                SendOutcome.Unknown => times <= 1,
                _ => times == 0,
            };
            if (!agrees)
            {
                disagreements.Add($"{i}: {results[i]} but received {times}x");
            }
        }

        var counts = results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var codes = results.Where(r => r.Code != 0).GroupBy(r => r.Code).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"1,000-message merge, {planned.Count} faults planned: {string.Join(", ", counts)}; codes {string.Join(", ", codes)}; " +
            $"received {received.Count} distinct, {server.Received.Count} in all, over {server.Connections.Count} connections; unknown received: {results.Select((r, i) => (r, i)).Count(x => x.r.Outcome == SendOutcome.Unknown && received.ContainsKey($"merge-{x.i}@typedmail.test"))}");
        Assert.Empty(disagreements);
        Assert.True(results.Count(r => r.Outcome == SendOutcome.Delivered) > count * 9 / 10);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A typed message as generated code would give it: a message reference with a fixed Message-ID.</summary>
    private sealed class Typed(string to, string? messageId = null) : ITypedMailMessage
    {
        public MimeMessage ToMimeMessage() => ToSmtpMessage().ToMimeMessage();

        public SmtpMessage ToSmtpMessage()
        {
            var message = LoopbackServers.Letter(to);
            if (messageId is not null)
            {
                message.AddHeader("Message-ID", messageId, HeaderOption.ReplaceAll);
            }

            return message;
        }
    }

    /// <summary>A typed message whose rendering throws (a format string, a culture, a file...).</summary>
    private sealed class Throwing(Exception exception) : ITypedMailMessage
    {
        public MimeMessage ToMimeMessage() => throw exception;

        public SmtpMessage ToSmtpMessage() => throw exception;
    }

    private sealed class InlineProgress(Action<SendProgress> report) : IProgress<SendProgress>
    {
        public void Report(SendProgress value) => report(value);
    }
}
