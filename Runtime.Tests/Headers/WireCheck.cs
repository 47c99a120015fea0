using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TypedMail.Mailbox;

namespace TypedMail.Tests.Headers;

/// <summary>What a received message looks like on the wire, to compare a payload's message with a harmless one's.</summary>
internal sealed record WireShape(string HeaderNames, string EnvelopeRecipients, string HeaderRecipients, string Body, string PartHeaderNames)
{
    public static WireShape Of(ReceivedMessage received)
    {
        var raw = received.RawMime;
        var end = IndexOf(raw, "\r\n\r\n"u8);
        Assert.True(end > 0, "no end of headers");
        for (var i = 0; i < raw.Length; i++)
        {
            // Every line of the whole message ends with CRLF: no bare CR, no bare LF, no NUL, in headers or parts.
            Assert.NotEqual(0, raw[i]);
            Assert.False(raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n'), "bare CR on the wire");
            Assert.False(raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'), "bare LF on the wire");
        }

        var head = raw.AsSpan(0, end + 2).ToArray();
        var names = Encoding.UTF8.GetString(head)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line[0] is not (' ' or '\t'))
            .Select(line => line.Split(':')[0].ToLowerInvariant())
            .Order(StringComparer.Ordinal);
        var message = received.Message;
        var headerRecipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .Select(m => m.Address.ToLowerInvariant()).Order(StringComparer.Ordinal);
        return new WireShape(
            string.Join(",", names),
            string.Join(",", received.Recipients.Select(r => r.ToLowerInvariant()).Order(StringComparer.Ordinal)),
            string.Join(",", headerRecipients),
            (message.TextBody ?? string.Empty).Trim(),
            string.Join(";", message.BodyParts.Select(p => string.Join(",", p.Headers.Select(h => h.Field.ToLowerInvariant()).Order(StringComparer.Ordinal)))));
    }

    /// <summary>No header, no recipient and no body text that the harmless message does not have.</summary>
    public void AssertSameAs(WireShape harmless, string what)
    {
        Assert.True(HeaderNames == harmless.HeaderNames, $"{what}: headers {HeaderNames}, expected {harmless.HeaderNames}");
        Assert.True(EnvelopeRecipients == harmless.EnvelopeRecipients, $"{what}: RCPT TO {EnvelopeRecipients}, expected {harmless.EnvelopeRecipients}");
        Assert.True(HeaderRecipients == harmless.HeaderRecipients, $"{what}: header recipients {HeaderRecipients}, expected {harmless.HeaderRecipients}");
        Assert.True(Body == harmless.Body, $"{what}: body '{Body}', expected '{harmless.Body}'");
        Assert.True(PartHeaderNames == harmless.PartHeaderNames, $"{what}: part headers {PartHeaderNames}, expected {harmless.PartHeaderNames}");
        Assert.DoesNotContain(InjectionCorpus.Attacker, EnvelopeRecipients + HeaderRecipients, StringComparison.OrdinalIgnoreCase);
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern) => data.AsSpan().IndexOf(pattern);
}
