using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>The reported cause is the first refusal of the transaction; a partial delivery is 12014, counted once.</summary>
public sealed class FirstRefusalTests
{
    [Fact]
    public async Task MailFromRefused_WithPipelining_ReportsItsCode_AndTheRecipientsAsNotAttempted()
    {
        var options = new ScriptedServerOptions();
        options.RefusedSenders.Add("herb_tarlick@wkrp.com");
        await using var server = ScriptedSmtpServer.Start(options);
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("andy@wkrp.com");
        message.SetCc("bailey@wkrp.com");

        var result = await sender.SendAsync(message);

        Assert.Equal(550, result.Code);
        Assert.Equal("5.7.1", result.EnhancedStatus);
        Assert.Contains("Sender refused", result.ServerText);
        Assert.Equal(new[] { "andy@wkrp.com", "bailey@wkrp.com" }, result.Recipients.Select(r => r.Address));
        Assert.All(result.Recipients, r => Assert.False(r.Attempted));
        // Pipelined: both RCPT went out with MAIL FROM (and were answered 503), yet 550 is the cause.
        Assert.Equal(2, server.Connections.Single().Commands.Count(c => c.StartsWith("RCPT", System.StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DataRefused_AfterOneRecipientRefused_ReportsTheDataRefusal_AndExactRecipientOutcomes()
    {
        var options = new ScriptedServerOptions { DataRefusal = "552 5.3.4 Message too big for this system" };
        options.RefusedRecipients.Add("nobody@wkrp.com");
        await using var server = ScriptedSmtpServer.Start(options);
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("nobody@wkrp.com");
        message.SetCc("andy@wkrp.com");

        var result = await sender.SendAsync(message);

        Assert.Equal(552, result.Code);
        Assert.False(result.Delivered);
        Assert.Equal(new (string, bool, int?)[] { ("nobody@wkrp.com", false, 550), ("andy@wkrp.com", true, 250) },
            result.Recipients.Select(r => (r.Address, r.Accepted, r.SmtpStatus)));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SomeRecipientsRefused_Is12014_Delivered_WithTheRefusedOnes_CountedOnceInTheMetrics()
    {
        var options = new ScriptedServerOptions();
        options.RefusedRecipients.Add("nobody@wkrp.com");
        await using var server = ScriptedSmtpServer.Start(options);
        var measurements = new ConcurrentQueue<(string Instrument, object? Code)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TypedMailTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        // Other tests share the static meter and run in parallel: keep only what this test's own send records (the
        // callback runs in the recording flow, where this AsyncLocal is set).
        var ours = new AsyncLocal<bool>();
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (ours.Value)
            {
                measurements.Enqueue((instrument.Name, FindCode(tags)));
            }
        });
        listener.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("andy@wkrp.com");
        message.SetCc("nobody@wkrp.com");

        ours.Value = true;
        var result = await sender.SendAsync(message);
        ours.Value = false;

        Assert.Equal(ErrorCodes.PartiallyDelivered, result.Code);
        Assert.True(result.Delivered);
        Assert.Equal(SendOutcome.PartiallyDelivered, result.Outcome);
        Assert.Equal(550, result.SmtpStatus);
        var refused = Assert.Single(result.Recipients, r => !r.Accepted);
        Assert.Equal(("nobody@wkrp.com", 550), (refused.Address, refused.SmtpStatus!.Value));
        Assert.Equal(new[] { "andy@wkrp.com" }, Assert.Single(server.Received).Recipients);
        Assert.Equal(new[] { ("typedmail.messages.sent", (object?)ErrorCodes.PartiallyDelivered) }, measurements.ToArray());
    }

    [Fact]
    public async Task SomeRecipientsRefused_TheFacadeReturns12014()
    {
        var options = new ScriptedServerOptions();
        options.RefusedRecipients.Add("nobody@wkrp.com");
        await using var server = ScriptedSmtpServer.Start(options);
        Assert.Equal(0, InternetCommands.SMTP_New(out var id));
        try
        {
            InternetCommands.SMTP_Host(id, server.Host);
            InternetCommands.SMTP_From(id, "herb_tarlick@wkrp.com");
            InternetCommands.SMTP_To(id, "andy@wkrp.com, nobody@wkrp.com");
            Assert.True(MessageHandles.TryGet(id, out var message));
            message.Port = server.Port;

            Assert.Equal(ErrorCodes.PartiallyDelivered, InternetCommands.SMTP_Send(id, 2));
            Assert.Single(server.Received);
        }
        finally
        {
            InternetCommands.SMTP_Clear(ref id);
        }
    }

    private static object? FindCode(System.ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "typedmail.code")
            {
                return tag.Value;
            }
        }

        return null;
    }
}
