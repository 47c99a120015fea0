using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
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
    public async Task Meter_CountsSentAndFailedMessages_AndRecordsDurations()
    {
        await using var server = await LoopbackServers.StartAsync(configure: o => o.RejectedRecipients.Add("nobody@wkrp.com"));
        var measurements = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TypedMailTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        listener.Start();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        using var good = LoopbackServers.Letter("andy@wkrp.com");
        using var refused = LoopbackServers.Letter("nobody@wkrp.com");

        await sender.SendAsync(good);
        await sender.SendAsync(refused);

        // Other tests send in parallel through the same static meter: at least ours are counted.
        Assert.Contains(measurements, m => m.Instrument == "typedmail.messages.sent");
        Assert.Contains(measurements, m => m.Instrument == "typedmail.messages.failed");
        Assert.True(measurements.Count(m => m.Instrument == "typedmail.send.duration") >= 2);
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
