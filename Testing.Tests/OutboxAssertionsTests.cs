using System;
using System.Threading.Tasks;

namespace TypedMail.Testing.Tests;

/// <summary>Assertions pass on what was sent and fail with a message that lists what was sent.</summary>
public sealed class OutboxAssertionsTests
{
    private readonly RecordingSmtpSender _outbox = new();

    private Task SendAsync(string email, int orderId) =>
        _outbox.SendAsync(OrderShipped.Create().Email(email).Name("Ann").OrderId(orderId).Build());

    [Fact]
    public async Task ShouldHaveSent_CountsTheMessagesOfTheType()
    {
        await SendAsync("ann@example.org", 1);
        await SendAsync("bob@example.org", 2);
        await _outbox.SendAsync(Welcome.Create().Email("cy@example.org").Name("Cy").Build());

        var shipped = _outbox.ShouldHaveSent<OrderShipped>(2);

        Assert.Equal([1, 2], [shipped[0].OrderId, shipped[1].OrderId]);
        _outbox.ShouldHaveSent<Welcome>(1);
        var failure = Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSent<OrderShipped>(3));
        Assert.StartsWith("Expected 3 OrderShipped, found 2. 3 messages were given to the sender:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#1 OrderShipped to ann@example.org, audit@example.org, subject \"Order 1 has shipped\" -> 0: sent", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#3 Welcome to cy@example.org", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldHaveSentTo_FindsTheOneToTheAddressMatchingThePredicate()
    {
        await SendAsync("ann@example.org", 42);
        await SendAsync("bob@example.org", 43);

        var toAnn = _outbox.ShouldHaveSentTo<OrderShipped>("ANN@example.org", m => m.OrderId == 42);

        Assert.Equal("ann@example.org", toAnn.Email);
        var failure = Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSentTo<OrderShipped>("ann@example.org", m => m.OrderId == 43));
        Assert.StartsWith("Expected 1 OrderShipped to ann@example.org matching the condition, found 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#2 OrderShipped to bob@example.org", failure.Message, StringComparison.Ordinal);
        Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSentTo<Welcome>("ann@example.org"));
    }

    [Fact]
    public async Task ShouldHaveSentNothing_PassesOnAnEmptyOutboxAndFailsAfterASend()
    {
        _outbox.ShouldHaveSentNothing();
        _outbox.ShouldHaveSentNothingTo("ann@example.org");

        await SendAsync("ann@example.org", 7);

        var failure = Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSentNothing());
        Assert.Contains("#1 OrderShipped to ann@example.org", failure.Message, StringComparison.Ordinal);
        Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSentNothingTo("Ann@Example.org"));
        _outbox.ShouldHaveSentNothingTo("bob@example.org");
    }

    [Fact]
    public async Task ShouldHaveSentMime_JudgesTheRenderedMessage()
    {
        await SendAsync("ann@example.org", 42);

        var sent = _outbox.ShouldHaveSentMime(m => m.TextBody is { } text && text.Contains("order 42", StringComparison.Ordinal), "a body naming order 42");

        Assert.Equal(1, sent.Sequence);
        var failure = Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSentMime(m => m.Subject == "Order 41 has shipped", "the subject of order 41"));
        Assert.StartsWith("Expected 1 the subject of order 41, found 0.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureOnAnEmptyOutbox_SaysNothingWasSent()
    {
        var failure = Assert.Throws<MailAssertionException>(() => _outbox.ShouldHaveSentOne<OrderShipped>());

        Assert.Equal("Expected 1 OrderShipped, found 0. Nothing was sent.", failure.Message);
    }
}
