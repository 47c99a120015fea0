using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MimeKit;

namespace TypedMail.Testing;

/// <summary>
/// Assertions over what a <see cref="RecordingSmtpSender"/> delivered, in the application's own terms: the message
/// types, their members, their recipients. Each returns what it found, for further checks; each failure throws a
/// <see cref="MailAssertionException"/> listing every message given to the sender.
/// </summary>
public static class OutboxAssertions
{
    /// <summary>Asserts that exactly <paramref name="count"/> messages of type <typeparamref name="T"/> (matching <paramref name="where"/>) were delivered.</summary>
    /// <typeparam name="T">A <c>[MailMessage]</c> class.</typeparam>
    /// <param name="outbox">The recording sender.</param>
    /// <param name="count">How many are expected.</param>
    /// <param name="where">A condition over the typed message, e.g. <c>m =&gt; m.OrderId == 42</c>.</param>
    /// <returns>The messages found, in order.</returns>
    public static IReadOnlyList<T> ShouldHaveSent<T>(this RecordingSmtpSender outbox, int count, Func<T, bool>? where = null)
        where T : class, ITypedMailMessage
    {
        var found = Find(outbox, where, null);
        if (found.Count != count)
        {
            throw Fail(outbox, $"Expected {count} {Describe<T>(where, null)}, found {found.Count}.");
        }

        return found.Select(m => (T)m.Typed!).ToList();
    }

    /// <summary>Asserts that exactly one message of type <typeparamref name="T"/> (matching <paramref name="where"/>) was delivered.</summary>
    /// <typeparam name="T">A <c>[MailMessage]</c> class.</typeparam>
    /// <param name="outbox">The recording sender.</param>
    /// <param name="where">A condition over the typed message.</param>
    /// <returns>The message.</returns>
    public static T ShouldHaveSentOne<T>(this RecordingSmtpSender outbox, Func<T, bool>? where = null)
        where T : class, ITypedMailMessage =>
        outbox.ShouldHaveSent(1, where)[0];

    /// <summary>Asserts that exactly one message of type <typeparamref name="T"/> (matching <paramref name="where"/>) was delivered to <paramref name="address"/>.</summary>
    /// <typeparam name="T">A <c>[MailMessage]</c> class.</typeparam>
    /// <param name="outbox">The recording sender.</param>
    /// <param name="address">A recipient in To, Cc or Bcc (compared without regard to case).</param>
    /// <param name="where">A condition over the typed message.</param>
    /// <returns>The message.</returns>
    public static T ShouldHaveSentTo<T>(this RecordingSmtpSender outbox, string address, Func<T, bool>? where = null)
        where T : class, ITypedMailMessage
    {
        var found = Find(outbox, where, address);
        if (found.Count != 1)
        {
            throw Fail(outbox, $"Expected 1 {Describe<T>(where, address)}, found {found.Count}.");
        }

        return (T)found[0].Typed!;
    }

    /// <summary>Asserts that exactly one delivered message, whatever its type, matches a condition over its MIME rendering.</summary>
    /// <param name="outbox">The recording sender.</param>
    /// <param name="where">A condition over the message as it would have gone on the wire, e.g. <c>m =&gt; m.TextBody.Contains("42")</c>.</param>
    /// <param name="description">What the condition means, for the failure message.</param>
    /// <returns>The recorded message.</returns>
    public static SentMessage ShouldHaveSentMime(this RecordingSmtpSender outbox, Func<MimeMessage, bool> where, string description = "a MIME message matching the condition")
    {
        if (where is null)
        {
            throw new ArgumentNullException(nameof(where));
        }

        var found = Outbox(outbox).Delivered.Where(m => where(m.Mime)).ToList();
        if (found.Count != 1)
        {
            throw Fail(outbox, $"Expected 1 {description}, found {found.Count}.");
        }

        return found[0];
    }

    /// <summary>Asserts that nothing was delivered.</summary>
    /// <param name="outbox">The recording sender.</param>
    public static void ShouldHaveSentNothing(this RecordingSmtpSender outbox)
    {
        if (Outbox(outbox).Delivered.Count != 0)
        {
            throw Fail(outbox, "Expected no message to be sent.");
        }
    }

    /// <summary>Asserts that nothing was delivered to <paramref name="address"/>.</summary>
    /// <param name="outbox">The recording sender.</param>
    /// <param name="address">A recipient (compared without regard to case).</param>
    public static void ShouldHaveSentNothingTo(this RecordingSmtpSender outbox, string address)
    {
        if (Outbox(outbox).Delivered.Any(m => m.WasDeliveredTo(address)))
        {
            throw Fail(outbox, $"Expected no message to {address}.");
        }
    }

    private static RecordingSmtpSender Outbox(RecordingSmtpSender outbox) => outbox ?? throw new ArgumentNullException(nameof(outbox));

    private static List<SentMessage> Find<T>(RecordingSmtpSender outbox, Func<T, bool>? where, string? address)
        where T : class, ITypedMailMessage =>
        Outbox(outbox).Delivered
            .Where(m => m.Typed is T typed && (address is null || m.WasDeliveredTo(address)) && (where is null || where(typed)))
            .ToList();

    private static string Describe<T>(Delegate? where, string? address)
    {
        var text = new StringBuilder(typeof(T).Name);
        if (address is not null)
        {
            text.Append(" to ").Append(address);
        }

        if (where is not null)
        {
            text.Append(" matching the condition");
        }

        return text.ToString();
    }

    private static MailAssertionException Fail(RecordingSmtpSender outbox, string expectation)
    {
        var messages = outbox.Messages;
        var text = new StringBuilder(expectation);
        if (messages.Count == 0)
        {
            text.Append(" Nothing was sent.");
        }
        else
        {
            text.Append(' ').Append(messages.Count).Append(messages.Count == 1 ? " message was given to the sender:" : " messages were given to the sender:");
            foreach (var message in messages)
            {
                text.AppendLine().Append("  ").Append(message);
            }
        }

        return new MailAssertionException(text.ToString());
    }
}
