using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;
using Xunit.Abstractions;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>
/// The fault table (issue 8 §2): each fault at each stage of the conversation gives its code, within a bound, and the
/// server received exactly what the code says (never credentials in clear text, never a message twice).
/// </summary>
public sealed class FaultTableTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FaultCase.Names), MemberType = typeof(FaultCase))]
    public Task EachFault_GivesItsCode_InBoundedTime_AndTheServerReceivedWhatTheCodeSays(string name) => RunAsync(name, null);

    /// <summary>The same table with every reply cut at random byte boundaries (a fixed seed per row, so a failure repeats).</summary>
    [Theory]
    [MemberData(nameof(FaultCase.Names), MemberType = typeof(FaultCase))]
    public Task EachFault_WithEveryReplyInPieces_GivesTheSameCode(string name) =>
        RunAsync(name, new ReplyFragmenter(StableSeed(name)) { Pause = TimeSpan.FromMilliseconds(2) });

    private static int StableSeed(string name)
    {
        var seed = 17;
        foreach (var c in name)
        {
            seed = unchecked(seed * 31 + c);
        }

        return seed;
    }

    private async Task RunAsync(string name, ReplyFragmenter? fragmenter)
    {
        var row = FaultCase.Named(name);
        var options = new ScriptedServerOptions
        {
            Fragmenter = fragmenter,
            Stall = TimeSpan.FromSeconds(FaultCase.TimeoutSeconds * 2),
            // A large message must outgrow what the sockets can hold, or the client finishes writing before the fault.
            ReceiveBufferBytes = row.Large ? 64 * 1024 : null,
        };
        row.Configure?.Invoke(options);
        await using var server = ScriptedSmtpServer.Start(options);
        if (row.Fault is not null)
        {
            server.Arm(row.Fault);
        }

        using var message = LoopbackServers.Letter();
        if (row.Large)
        {
            message.SetBody(string.Concat(Enumerable.Repeat("A line of the large message, long enough to fill the socket buffers.\r", 120_000)));
        }

        var settings = server.Settings(row.Mode, row.WithCredentials, FaultCase.TimeoutSeconds);
        var clock = Stopwatch.StartNew();

        var result = await message.SendAsync(settings).WaitAsync(FaultCase.Bound);

        clock.Stop();
        var received = server.Received;
        output.WriteLine($"| {row.Name} | {result.Code} | {result.Outcome} | {clock.Elapsed.TotalSeconds:0.0} s | {received.Count} stored, AUTH {server.AuthenticationCount}x (in clear: {server.AnyCredentialsInClear}) |");
        output.WriteLine(result.ErrorText);
        Assert.Contains(result.Code, row.Codes);
        Assert.Equal(row.Received, received.Count);
        Assert.False(server.AnyCredentialsInClear, "credentials went out in clear text");
        Assert.Equal(result.Code == ErrorCodes.NoError, result.Delivered);
        if (result.Code == ErrorCodes.OutcomeUnknown)
        {
            Assert.Equal(SendOutcome.Unknown, result.Outcome);
            Assert.Equal(received.Single().MessageId, result.MessageId);
        }

        if (row.Name.StartsWith("STARTTLS stripped, mode", StringComparison.Ordinal) && row.WithCredentials)
        {
            Assert.Equal(0, server.AuthenticationCount);
            Assert.DoesNotContain(server.Connections.SelectMany(c => c.Commands), c => c.StartsWith("MAIL", StringComparison.Ordinal));
        }
    }
}
