using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>
/// Disconnects, disposes, merges and sends at once on one pooled sender never wait for each other for ever (each test
/// fails by its timeout instead of hanging, disposal included), and a merge's end leaves other callers' connections open.
/// </summary>
public sealed class PoolConcurrencyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoDisconnectsAndADispose_WithFourSendsInFlight_AllEnd_AndEverySendIsAccounted()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromMilliseconds(400) });
        server.Plan = _ => new Fault(FaultStage.AfterDot, FaultKind.Slow);
        var settings = server.Settings(SessionMode.NeverTls);
        settings.MaxConnections = 4;
        var sender = new SmtpSender(settings);
        var messages = Enumerable.Range(0, 4).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();
        var sends = messages.Select(m => Task.Run(() => sender.SendAsync(m))).ToList();
        await Eventually.TrueAsync(() => server.Connections.Count(c => c.Commands.Any(x => x.StartsWith("MAIL", StringComparison.Ordinal))) == 4, Bound);

        var ends = new[] { Task.Run(() => sender.DisconnectAsync()), Task.Run(() => sender.DisconnectAsync()), Task.Run(() => sender.DisposeAsync().AsTask()) };

        await Task.WhenAll(ends).WaitAsync(Bound);
        var results = await Task.WhenAll(sends).WaitAsync(Bound);
        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(4, server.Received.Count);
        Assert.All(server.Connections, c => Assert.True(c.QuitReceived, $"connection {c.Number} was not closed with QUIT"));
        messages.ForEach(m => m.Dispose());
        await sender.DisposeAsync().AsTask().WaitAsync(Bound);
    }

    [Fact]
    public async Task FourMergesBesideFourSendLoops_OnTheDiSingleton_AllFinish()
    {
        await using var server = ScriptedSmtpServer.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Host"] = server.Host,
            ["Mail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Mode"] = "NeverTls",
        }).Build();
        var provider = new ServiceCollection().AddTypedMail(configuration.GetSection("Mail")).BuildServiceProvider();
        var sender = provider.GetRequiredService<SmtpSender>();
        Assert.Equal(4, TypedMailServiceCollectionExtensions.DefaultMaxConnections);

        var merges = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var letters = Enumerable.Range(0, 5).Select(j => LoopbackServers.Letter($"merge{i}.{j}@wkrp.com")).ToList();
            var results = await sender.SendManyAsync(letters);
            letters.ForEach(l => l.Dispose());
            return results.Select(r => r.Code).ToList();
        })).ToList();
        var loops = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var codes = new List<int>();
            for (var j = 0; j < 5; j++)
            {
                using var letter = LoopbackServers.Letter($"loop{i}.{j}@wkrp.com");
                codes.Add((await sender.SendAsync(letter)).Code);
            }

            return codes;
        })).ToList();

        var all = await Task.WhenAll(merges.Concat(loops)).WaitAsync(Bound);

        Assert.All(all.SelectMany(c => c), code => Assert.Equal(0, code));
        Assert.Equal(40, server.Received.Count);
        await provider.DisposeAsync().AsTask().WaitAsync(Bound);
    }

    [Fact]
    public async Task AMergesEnd_LeavesAnotherCallersConnectionOpen()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromMilliseconds(1500) });
        server.Plan = n => n == 1 ? new Fault(FaultStage.AfterDot, FaultKind.Slow) : null;
        var settings = server.Settings(SessionMode.NeverTls);
        settings.MaxConnections = 2;
        var sender = new SmtpSender(settings);
        using var single = LoopbackServers.Letter("andy@wkrp.com");
        var slow = Task.Run(() => sender.SendAsync(single));
        await Eventually.TrueAsync(() => server.Connections.Any(c => c.Commands.Any(x => x.StartsWith("MAIL", StringComparison.Ordinal))), Bound);
        var merged = Enumerable.Range(0, 2).Select(i => LoopbackServers.Letter($"merge{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(merged).WaitAsync(Bound);
        Assert.Equal(0, (await slow.WaitAsync(Bound)).Code);
        Assert.Equal(0, (await sender.SendAsync(single).WaitAsync(Bound)).Code);

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(2, server.Connections.Count);
        Assert.False(server.Connections[0].QuitReceived, "the merge's end closed the connection of another send");
        Assert.True(server.Connections[1].QuitReceived, "the merge did not close its own connection");
        merged.ForEach(m => m.Dispose());
        await sender.DisposeAsync().AsTask().WaitAsync(Bound);
    }

    [Fact]
    public async Task ASessionThatCannotBeCreated_IsAResult_AndGivesItsSlotBack()
    {
        await using var server = ScriptedSmtpServer.Start();
        var settings = server.Settings(SessionMode.NeverTls);
        settings.MaxConnections = 1;
        // A disposed certificate cannot give its hash: preparing a connection throws.
        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(ScriptedSmtpServer.Certificate.RawData);
        settings.AcceptedServerCertificate = certificate;
        certificate.Dispose();
        var sender = new SmtpSender(settings);
        using var letter = LoopbackServers.Letter();

        var first = await sender.SendAsync(letter).WaitAsync(Bound);
        var second = await sender.SendAsync(letter).WaitAsync(Bound);

        Assert.Equal((ErrorCodes.InvalidArgument, SendOutcome.NotAttempted), (first.Code, first.Outcome));
        Assert.Equal(first.Code, second.Code);
        Assert.Contains("could not be prepared", first.ErrorText, StringComparison.Ordinal);
        var merged = await sender.SendManyAsync(new[] { letter, letter }).WaitAsync(Bound);
        var parallel = await sender.SendManyAsync(new[] { letter, letter }, 2).WaitAsync(Bound);
        Assert.All(merged.Concat(parallel), r => Assert.Equal((ErrorCodes.InvalidArgument, SendOutcome.NotAttempted), (r.Code, r.Outcome)));
        Assert.Empty(server.Connections);
        await sender.DisposeAsync().AsTask().WaitAsync(Bound);
    }
}
