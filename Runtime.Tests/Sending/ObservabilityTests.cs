using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>Logs (rule warnings, never credentials) and the "TypedMail" meter.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task RuleWarnings_AreLogged_CredentialsNever()
    {
        await using var server = await LoopbackServers.StartAsync(withUser: true);
        var logger = new RecordingLogger();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls, withCredentials: true), logger);
        using var message = LoopbackServers.Letter();

        var result = await sender.SendAsync(message);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Text.StartsWith(DiagnosticIds.CredentialsInClearText));
        Assert.Contains(logger.Lines, l => l.Text.Contains("Authenticated with LOGIN"));
        Assert.DoesNotContain(logger.Lines, l => l.Text.Contains(LoopbackServers.Password) || l.Text.Contains(LoopbackServers.User));
    }

    [Fact]
    public async Task RuleWarnings_AreLoggedOncePerSender_NotOncePerMessage()
    {
        await using var server = await LoopbackServers.StartAsync(withUser: true);
        var logger = new RecordingLogger();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls, withCredentials: true), logger);

        for (var i = 0; i < 3; i++)
        {
            using var message = LoopbackServers.Letter();
            var result = await sender.SendAsync(message);
            Assert.True(result.Succeeded, result.ToString());
        }

        Assert.Single(logger.Lines, l => l.Text.StartsWith(DiagnosticIds.CredentialsInClearText));
    }

    [Fact]
    public async Task Meter_CountsSentAndFailedMessages_AndRecordsDurations()
    {
        await using var server = await LoopbackServers.StartAsync(configure: o => o.RejectedRecipients.Add("nobody@wkrp.com"));
        var measurements = new ConcurrentQueue<(string Instrument, double Value, object? Code)>();
        // The meter is static and other tests send in parallel. Meter callbacks run synchronously in the sender's
        // async flow, so an AsyncLocal set here marks this test's measurements and only those are kept.
        var ours = new AsyncLocal<bool> { Value = true };
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TypedMailTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.Start();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        using var good = LoopbackServers.Letter("andy@wkrp.com");
        using var refused = LoopbackServers.Letter("nobody@wkrp.com");
        using var half = LoopbackServers.Letter("andy@wkrp.com, nobody@wkrp.com");

        Assert.True((await sender.SendAsync(good)).Succeeded);
        Assert.Equal(550, (await sender.SendAsync(refused)).Code);
        Assert.Equal(ErrorCodes.PartiallyDelivered, (await sender.SendAsync(half)).Code);

        // good: sent (0); refused: failed (550); half: delivered to andy, counted once, as sent with its code 12014.
        Assert.Equal([(1.0, (object?)0), (1.0, ErrorCodes.PartiallyDelivered)], measurements.Where(m => m.Instrument == "typedmail.messages.sent").Select(m => (m.Value, m.Code)));
        Assert.Equal([(1.0, (object?)550)], measurements.Where(m => m.Instrument == "typedmail.messages.failed").Select(m => (m.Value, m.Code)));
        Assert.Equal(3, measurements.Count(m => m.Instrument == "typedmail.send.duration" && m.Value > 0));

        void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (!ours.Value)
            {
                return;
            }

            object? code = null;
            foreach (var tag in tags)
            {
                code = tag.Key == "typedmail.code" ? tag.Value : code;
            }

            measurements.Enqueue((instrument.Name, value, code));
        }
    }

    [Fact]
    public async Task ActivitySource_TracesOneSendActivity_WithTheServerAndTheCode()
    {
        await using var server = await LoopbackServers.StartAsync();
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TypedMailTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.True(result.Succeeded, result.ToString());
        // Parallel tests send too: ours is the one to this server's port.
        var ours = Assert.Single(activities, a => Equals(a.GetTagItem("server.port"), server.Port));
        Assert.Equal("smtp.send", ours.OperationName);
        Assert.Equal(0, ours.GetTagItem("typedmail.code"));
    }
}
