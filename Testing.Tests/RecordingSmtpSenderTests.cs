using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail.Testing.Tests;

/// <summary>The recording sender keeps what it is given and answers as scripted, with the real sender's checks.</summary>
public sealed class RecordingSmtpSenderTests
{
    private readonly RecordingSmtpSender _outbox = new();

    private static OrderShipped Shipped(string email, int orderId) =>
        OrderShipped.Create().Email(email).Name("Ann").OrderId(orderId).Build();

    [Fact]
    public async Task SendAsync_KeepsTheTypedMessageItsMimeAndTheEnvelopeWithBcc()
    {
        var message = Shipped("ann@example.org", 42);

        var result = await _outbox.SendAsync(message);

        Assert.True(result.Succeeded, result.ToString());
        var sent = Assert.Single(_outbox.Messages);
        Assert.Same(message, sent.Typed);
        Assert.Equal("Order 42 has shipped", sent.Subject);
        Assert.Contains("order 42 is on its way", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal("shop@example.org", sent.EnvelopeSender);
        Assert.Equal(["ann@example.org", "audit@example.org"], sent.EnvelopeRecipients);
        Assert.Empty(sent.Mime.Bcc);   // as on the wire: Bcc travels in the envelope only
        Assert.Equal(["ann@example.org", "audit@example.org"], result.Recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task RefuseRecipient_RefusesThatOneAndDeliversToTheOthers()
    {
        _outbox.RefuseRecipient("audit@example.org", 550, "5.1.1 No such user");

        var result = await _outbox.SendAsync(Shipped("ann@example.org", 42));

        Assert.Equal(550, result.Code);
        Assert.True(result.Delivered);
        Assert.Equal("5.1.1", result.EnhancedStatus);
        var refused = Assert.Single(result.Recipients, r => !r.Accepted);
        Assert.Equal("audit@example.org", refused.Address);
        Assert.Equal(["ann@example.org"], _outbox.Messages[0].DeliveredTo);
        _outbox.ShouldHaveSentNothingTo("audit@example.org");
        _outbox.ShouldHaveSentTo<OrderShipped>("ann@example.org");
    }

    [Fact]
    public async Task FailWith_FailsEverySendWithTheCode_UntilSucceedAgain()
    {
        _outbox.FailWith(ErrorCodes.ConnectionRefused, "nothing listens");

        var failed = await _outbox.SendAsync(Shipped("ann@example.org", 1));
        _outbox.SucceedAgain();
        var sent = await _outbox.SendAsync(Shipped("ann@example.org", 2));

        Assert.Equal(ErrorCodes.ConnectionRefused, failed.Code);
        Assert.False(failed.Delivered);
        Assert.Contains("nothing listens", failed.ErrorText, StringComparison.Ordinal);
        Assert.True(sent.Succeeded);
        Assert.Equal(2, _outbox.Messages.Count);
        Assert.Equal(2, _outbox.ShouldHaveSentOne<OrderShipped>().OrderId);
    }

    [Fact]
    public async Task AMessageWithoutRecipient_FailsWith10007AsTheRealSenderDoes()
    {
        using var reference = new SmtpMessage();
        reference.SetFrom("shop@example.org");
        reference.SetSubject("no one");

        var result = await _outbox.SendAsync(reference);

        Assert.Equal(ErrorCodes.NoRecipient, result.Code);
        _outbox.ShouldHaveSentNothing();
    }

    [Fact]
    public async Task SendManyAsync_OneResultPerMessageWithProgress()
    {
        _outbox.RefuseRecipient("bob@example.org");
        var reports = new List<SendProgress>();

        var results = await _outbox.SendManyAsync(
            [Shipped("ann@example.org", 1), Shipped("bob@example.org", 2), Welcome.Create().Email("cy@example.org").Name("Cy").Build()],
            new SynchronousProgress(reports.Add));

        Assert.Equal([0, 550, 0], results.Select(r => r.Code));
        Assert.Equal([1, 2, 3], reports.Select(r => r.Completed));
        Assert.All(reports, r => Assert.Equal(3, r.Total));
        Assert.Equal(3, _outbox.Messages.Count);
    }

    [Fact]
    public async Task AMimeMessage_IsRecordedWithItsEnvelope()
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse("shop@example.org"));
        mime.To.Add(MailboxAddress.Parse("ann@example.org"));
        mime.Subject = "Plain MIME";
        mime.Body = new TextPart("plain") { Text = "hello" };

        var result = await _outbox.SendAsync(mime);

        Assert.True(result.Succeeded);
        var sent = _outbox.ShouldHaveSentMime(m => m.Subject == "Plain MIME");
        Assert.Null(sent.Typed);
        Assert.Equal("MIME message", sent.Kind);
        Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSent<OrderShipped>(1));
    }

    [Fact]
    public void Scripting_RejectsMeaninglessResults()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _outbox.FailWith(ErrorCodes.NoError));
        Assert.Throws<ArgumentOutOfRangeException>(() => _outbox.RefuseRecipient("ann@example.org", 250));
        Assert.Throws<ArgumentException>(() => _outbox.RefuseRecipient(" "));
    }

    private sealed class SynchronousProgress(Action<SendProgress> report) : IProgress<SendProgress>
    {
        public void Report(SendProgress value) => report(value);
    }
}
