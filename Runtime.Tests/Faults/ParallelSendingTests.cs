using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>Parallel merges (results in order, never more connections than asked nor than the pool, 421 lowers the count), pooled DI senders.</summary>
public sealed class ParallelSendingTests
{
    [Fact]
    public async Task ParallelMerge_ResultsInInputOrder_ProgressAcrossAll_NeverMoreConnectionsThanAsked()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(Pooled(server, 4));
        var messages = Enumerable.Range(0, 40).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();
        var progress = new ConcurrentQueue<int>();

        var results = await sender.SendManyAsync(messages, 3, new InlineProgress(p => progress.Enqueue(p.Completed)));

        Assert.Equal(40, results.Count);
        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(Enumerable.Range(1, 40), progress.OrderBy(n => n));
        Assert.Equal(messages.Select(m => m.EnvelopeRecipients().Single().Address).OrderBy(a => a), server.Received.Select(m => m.Recipients.Single()).OrderBy(a => a));
        Assert.Equal(3, server.Connections.Count);
        Assert.All(server.Connections, c => Assert.True(c.QuitReceived));
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ParallelMerge_OfMimeMessages_OneResultEach_InOrder()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(Pooled(server, 2));
        var messages = Enumerable.Range(0, 9).Select(i =>
        {
            var mime = new MimeKit.MimeMessage();
            mime.From.Add(MimeKit.MailboxAddress.Parse("herb_tarlick@wkrp.com"));
            mime.To.Add(MimeKit.MailboxAddress.Parse($"listener{i}@wkrp.com"));
            mime.Subject = $"Letter {i}";
            mime.Body = new MimeKit.TextPart("plain") { Text = "Body" };
            return mime;
        }).ToList();
        messages.Insert(4, new MimeKit.MimeMessage());

        var results = await sender.SendManyAsync(messages, 2);

        Assert.Equal(10, results.Count);
        Assert.Equal(ErrorCodes.NoFrom, results[4].Code);
        Assert.All(results.Where((_, i) => i != 4), r => Assert.Equal(0, r.Code));
        Assert.Equal(9, server.Received.Count);
        Assert.True(server.Connections.Count <= 2);
    }

    [Fact]
    public async Task ParallelMerge_AServerRefusingExtraConnectionsWith421_LowersTheCount_NoMessageFails()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { MaxConcurrentConnections = 2, SlowUntil = s => s.TurnedAway > 0 });
        for (var i = 0; i < 4; i++)
        {
            // Slow replies keep the first connections busy until the server has turned one away.
            server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Slow));
        }

        await using var sender = new SmtpSender(Pooled(server, 4));
        var messages = Enumerable.Range(0, 12).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(messages, 4);

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(12, server.Received.Count);
        Assert.True(server.TurnedAway > 0, "the server never refused a connection: the test proves nothing");
        Assert.True(server.MostConcurrentConnections <= 2);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task APooledSender_ServesConcurrentSendsOnSeveralConnections_NeverMoreThanItsPool()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { SlowUntil = s => s.MostConcurrentConnections >= 3 });
        for (var i = 0; i < 6; i++)
        {
            server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Slow));
        }

        var settings = server.Settings(SessionMode.NeverTls);
        settings.MaxConnections = 3;
        await using var sender = new SmtpSender(settings);
        var messages = Enumerable.Range(0, 6).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await Task.WhenAll(messages.Select(m => sender.SendAsync(m)));

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(3, server.Connections.Count);
        Assert.Equal(3, server.MostConcurrentConnections);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task AddTypedMail_NamedSenders_EachReachesItsServer_WithAPoolByDefault()
    {
        await using var first = ScriptedSmtpServer.Start();
        await using var second = ScriptedSmtpServer.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Host"] = first.Host,
            ["Mail:Port"] = first.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Mode"] = "NeverTls",
            ["Marketing:Host"] = second.Host,
            ["Marketing:Port"] = second.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Marketing:Mode"] = "NeverTls",
            ["Marketing:MaxConnections"] = "2",
        }).Build();
        await using var provider = new ServiceCollection()
            .AddTypedMail(configuration.GetSection("Mail"))
            .AddTypedMail("marketing", configuration.GetSection("Marketing"))
            .BuildServiceProvider();
        using var message = LoopbackServers.Letter();

        var transactional = await provider.GetRequiredService<SmtpSender>().SendAsync(message);
        var marketing = await provider.GetRequiredKeyedService<SmtpSender>("marketing").SendAsync(message);

        Assert.Equal((0, 0), (transactional.Code, marketing.Code));
        Assert.Single(first.Received);
        Assert.Single(second.Received);
        Assert.Equal(TypedMailServiceCollectionExtensions.DefaultMaxConnections,
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmtpSettings>>().Value.MaxConnections);
        Assert.Equal(2, provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SmtpSettings>>().Get("marketing").MaxConnections);
    }

    [Fact]
    public async Task ParallelMerge_A421ToMailFrom_MovesTheMessageToAnotherConnection()
    {
        await using var server = ScriptedSmtpServer.Start();
        server.Plan = n => n == 2 ? new Fault(FaultStage.Mail, FaultKind.Closing) : null;
        await using var sender = new SmtpSender(Pooled(server, 2));
        var messages = Enumerable.Range(0, 10).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(messages, 2);

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(10, server.Received.Count);
        Assert.Contains(server.Connections, c => c.Commands.Any(x => x.StartsWith("MAIL", StringComparison.Ordinal)) && !c.QuitReceived);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ParallelMerge_NeverOpensMoreConnectionsThanThePool_EvenWhenAskedForMore()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(Pooled(server, 2));
        var messages = Enumerable.Range(0, 12).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(messages, 8);

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(12, server.Received.Count);
        Assert.Equal(2, server.Connections.Count);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ParallelMerge_BesideSends_SharesThePoolsLimit()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromMilliseconds(100) });
        server.Plan = _ => new Fault(FaultStage.AfterDot, FaultKind.Slow);
        await using var sender = new SmtpSender(Pooled(server, 3));
        var merged = Enumerable.Range(0, 9).Select(i => LoopbackServers.Letter($"merge{i}@wkrp.com")).ToList();
        var single = Enumerable.Range(0, 3).Select(i => LoopbackServers.Letter($"single{i}@wkrp.com")).ToList();

        var merge = sender.SendManyAsync(merged, 3);
        var sends = single.Select(m => Task.Run(() => sender.SendAsync(m))).ToList();
        var results = (await merge.WaitAsync(TimeSpan.FromSeconds(60))).Concat(await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(12, server.Received.Count);
        Assert.True(server.MostConcurrentConnections <= 3, $"{server.MostConcurrentConnections} connections at once for a pool of 3");
        merged.Concat(single).ToList().ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task DisposingDuringAParallelMerge_WaitsForTheMessagesOnTheWire_TheRestAreNotAttempted()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromMilliseconds(300) });
        server.Plan = _ => new Fault(FaultStage.AfterDot, FaultKind.Slow);
        var sender = new SmtpSender(Pooled(server, 4));
        var messages = Enumerable.Range(0, 40).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();
        var sent = 0;

        var merge = sender.SendManyAsync(messages, 4, new InlineProgress(p => Interlocked.Increment(ref sent)));
        while (Volatile.Read(ref sent) < 4)
        {
            await Task.Delay(20);
        }

        await sender.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var receivedWhenDisposed = server.Received.Count;
        var results = await merge.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(40, results.Count);
        var delivered = results.Count(r => r.Code == 0);
        Assert.Equal(delivered, receivedWhenDisposed);
        Assert.Equal(delivered, server.Received.Count);
        Assert.All(results.Where(r => r.Code != 0), r => Assert.Equal((ErrorCodes.NotAttempted, SendOutcome.NotAttempted), (r.Code, r.Outcome)));
        Assert.True(delivered < 40, "the merge ended before the dispose: the test proves nothing");
        Assert.All(server.Connections, c => Assert.True(c.QuitReceived, $"connection {c.Number} was not closed with QUIT"));
        messages.ForEach(m => m.Dispose());
    }

    private static SmtpSettings Pooled(ScriptedSmtpServer server, int connections)
    {
        var settings = server.Settings(SessionMode.NeverTls);
        settings.MaxConnections = connections;
        return settings;
    }

    private sealed class InlineProgress(Action<SendProgress> report) : IProgress<SendProgress>
    {
        public void Report(SendProgress value) => report(value);
    }
}
