using System;
using System.Collections.Generic;
using System.Linq;

namespace TypedMail.Outbox;

/// <summary>Turns one attempt's result into the entry's next state, following SMTP_SEND.md's codes.</summary>
internal sealed class RetryPolicy
{
    private readonly OutboxOptions _options;
    private readonly Func<double> _random;

    public RetryPolicy(OutboxOptions options, Func<double>? random = null)
    {
        _options = options;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: base × 2^(attempts-1), ±20% jitter, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var raw = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, _options.MaxRetryDelay.TotalMilliseconds);
        var jittered = capped * (0.8 + (0.4 * _random()));
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>True for failures worth another attempt: the network, a lost connection before the dot, 421 and other 4xx, a send never attempted.</summary>
    public static bool IsTransient(SendResult result) =>
        result.Code < 0
        || result.Code is ErrorCodes.ConnectionLost or ErrorCodes.NotAttempted or ErrorCodes.Cancelled
        || result.SmtpStatus is >= 400 and < 500;

    public Completion Decide(ClaimedEntry entry, SendResult result, DateTimeOffset now)
    {
        var text = result.ToString();
        switch (result.Code)
        {
            case ErrorCodes.NoError:
                return new Completion(OutboxState.Sent, result.Code, text, now, null);
            case ErrorCodes.OutcomeUnknown:
                return new Completion(OutboxState.Unknown, result.Code, text, now, null);
            case ErrorCodes.PartiallyDelivered:
                // Those that accepted have it: only the ones refused for now (4xx) are tried again.
                var again = result.Recipients.Where(r => !r.Accepted && r.SmtpStatus is >= 400 and < 500).Select(r => r.Address).ToList();
                if (again.Count == 0)
                {
                    return new Completion(OutboxState.Sent, result.Code, text, now, null);
                }

                return Retry(entry, result.Code, text, now, again);
        }

        return IsTransient(result) ? Retry(entry, result.Code, text, now, null) : new Completion(OutboxState.Failed, result.Code, text, now, null);
    }

    private Completion Retry(ClaimedEntry entry, int code, string text, DateTimeOffset now, IReadOnlyList<string>? remaining)
    {
        if (entry.Attempts >= _options.MaxAttempts)
        {
            return new Completion(OutboxState.Failed, code, $"{text} (gave up after {entry.Attempts} attempts)", now, remaining);
        }

        var next = now + Backoff(entry.Attempts);
        if (next - entry.CreatedAt > _options.MaxAge)
        {
            return new Completion(OutboxState.Failed, code, $"{text} (gave up: older than {_options.MaxAge})", now, remaining);
        }

        return new Completion(OutboxState.Pending, code, text, next, remaining);
    }
}
