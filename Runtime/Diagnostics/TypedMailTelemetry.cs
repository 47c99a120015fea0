using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TypedMail;

/// <summary>
/// The names under which TypedMail reports traces and metrics: an <see cref="ActivitySource"/> and a
/// <see cref="Meter"/>, both named "TypedMail". Subscribe with OpenTelemetry's <c>AddSource("TypedMail")</c> and
/// <c>AddMeter("TypedMail")</c>.
/// </summary>
public static class TypedMailTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "TypedMail";

    /// <summary>Traces one activity per message sent ("smtp.send").</summary>
    public static readonly ActivitySource ActivitySource = new(Name, typeof(TypedMailTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The meter of the counters and histogram below.</summary>
    public static readonly Meter Meter = new(Name, typeof(TypedMailTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("typedmail.messages.sent", "{message}", "Messages the server accepted for at least one recipient.");

    internal static readonly Counter<long> MessagesFailed = Meter.CreateCounter<long>("typedmail.messages.failed", "{message}", "Messages that failed, by error code.");

    internal static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>("typedmail.send.duration", "ms", "Time to send one message, connection included when one was opened.");
}
