using System.Diagnostics.Metrics;

namespace TypedMail.Outbox;

/// <summary>The outbox's instruments, on TypedMail's <see cref="TypedMailTelemetry.Meter"/>.</summary>
internal static class OutboxTelemetry
{
    public static readonly Counter<long> Enqueued = TypedMailTelemetry.Meter.CreateCounter<long>("typedmail.outbox.enqueued", "{message}", "Entries stored in the outbox.");

    public static readonly Counter<long> Outcomes = TypedMailTelemetry.Meter.CreateCounter<long>("typedmail.outbox.outcomes", "{attempt}", "Delivery attempts by the state they left the entry in (tag state) and result code (tag code).");

    public static readonly Counter<long> Recovered = TypedMailTelemetry.Meter.CreateCounter<long>("typedmail.outbox.recovered", "{entry}", "Expired leases recovered, by the state they went to (tag state: Pending or Unknown).");

    /// <summary>Set by each worker after a round: what the gauges report.</summary>
    internal static OutboxCounts? LastCounts;

    internal static double? LastOldestPendingSeconds;

    static OutboxTelemetry()
    {
        TypedMailTelemetry.Meter.CreateObservableGauge("typedmail.outbox.depth", ObserveDepth, "{entry}", "Entries per state (tag state), as last counted by a worker.");
        TypedMailTelemetry.Meter.CreateObservableGauge("typedmail.outbox.oldest_pending_age", () => LastOldestPendingSeconds ?? 0, "s", "Age of the oldest Pending entry, as last seen by a worker.");
    }

    public static void Touch()
    {
        // Runs the static constructor so the gauges exist before the first measurement.
    }

    private static System.Collections.Generic.IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (LastCounts is not { } c)
        {
            yield break;
        }

        yield return new Measurement<long>(c.Pending, new System.Collections.Generic.KeyValuePair<string, object?>("state", nameof(OutboxState.Pending)));
        yield return new Measurement<long>(c.Sending, new System.Collections.Generic.KeyValuePair<string, object?>("state", nameof(OutboxState.Sending)));
        yield return new Measurement<long>(c.Sent, new System.Collections.Generic.KeyValuePair<string, object?>("state", nameof(OutboxState.Sent)));
        yield return new Measurement<long>(c.Failed, new System.Collections.Generic.KeyValuePair<string, object?>("state", nameof(OutboxState.Failed)));
        yield return new Measurement<long>(c.Unknown, new System.Collections.Generic.KeyValuePair<string, object?>("state", nameof(OutboxState.Unknown)));
        yield return new Measurement<long>(c.Cancelled, new System.Collections.Generic.KeyValuePair<string, object?>("state", nameof(OutboxState.Cancelled)));
    }
}
