using System.Linq;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Messages;

/// <summary>SMTP_From, SMTP_Sender, SMTP_ReplyTo, SMTP_To, SMTP_Cc, SMTP_Bcc with their options, checked on what the server received.</summary>
public sealed class AddressCommandTests
{
    [Fact]
    public async Task To_SplitsOnCommaSemicolonCrAndLf_WithDisplayNames()
    {
        using var message = LoopbackServers.Letter("Andy Travis <andy@wkrp.com>, bailey@wkrp.com;\"Fever, Johnny\" <johnny@wkrp.com>\rvenus@wkrp.com\nles@wkrp.com");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal(new[] { "andy@wkrp.com", "bailey@wkrp.com", "johnny@wkrp.com", "venus@wkrp.com", "les@wkrp.com" },
            received.Message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Andy Travis", received.Message.To.Mailboxes.First().Name);
        Assert.Equal("Fever, Johnny", received.Message.To.Mailboxes.ElementAt(2).Name);
        Assert.Equal(5, received.Recipients.Count);
    }

    [Fact]
    public async Task To_Option0Appends_Option1Replaces_Option2RemovesAll()
    {
        using var message = LoopbackServers.Letter("andy@wkrp.com");
        message.SetTo("bailey@wkrp.com", AddressOption.Append);
        Assert.Equal(2, message.To.Count);

        message.SetTo("johnny@wkrp.com", AddressOption.Replace);
        var received = await Delivery.ReceiveAsync(message);
        Assert.Equal(new[] { "johnny@wkrp.com" }, received.Message.To.Mailboxes.Select(m => m.Address));

        message.SetTo("", AddressOption.Replace);
        Assert.Empty(message.To);
        message.SetTo("a@wkrp.com, b@wkrp.com");
        message.SetTo("a@wkrp.com", AddressOption.Remove);
        Assert.Empty(message.To);
    }

    [Fact]
    public async Task Cc_AppendsAndIsWrittenInTheHeaders()
    {
        using var message = LoopbackServers.Letter();
        message.SetCc("andy@wkrp.com");
        message.SetCc("bailey@wkrp.com");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal(new[] { "andy@wkrp.com", "bailey@wkrp.com" }, received.Message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("bailey@wkrp.com", received.Recipients);
        message.SetCc("x@wkrp.com", AddressOption.Remove);
        Assert.Empty(message.Cc);
    }

    [Fact]
    public async Task Bcc_IsInTheEnvelope_NeverInTheReceivedHeaders()
    {
        using var message = LoopbackServers.Letter();
        message.SetBcc("Jennifer Marlowe <jennifer@wkrp.com>");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Contains("jennifer@wkrp.com", received.Recipients);
        Assert.Empty(received.Message.Bcc);
        Assert.DoesNotContain("jennifer", System.Text.Encoding.UTF8.GetString(received.RawMime));
        Assert.DoesNotContain(message.ToMimeMessage().Headers, h => h.Field == "Bcc");
    }

    [Fact]
    public async Task Bcc_Alone_IsEnoughToSend()
    {
        using var message = LoopbackServers.Letter();
        message.SetTo("", AddressOption.Replace);
        message.SetBcc("jennifer@wkrp.com");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal(new[] { "jennifer@wkrp.com" }, received.Recipients);
        Assert.Empty(received.Message.To);
    }

    [Fact]
    public async Task From_Option0Appends_Option1Replaces_EmptyReplaceRemoves_Option2Removes()
    {
        using var message = LoopbackServers.Letter();
        message.SetFrom("Arthur Carlson <bigguy@wkrp.com>");
        Assert.Equal(2, message.From.Count);

        message.SetFrom("Les Nessman <les@wkrp.com>", AddressOption.Replace);
        var received = await Delivery.ReceiveAsync(message);
        Assert.Equal("les@wkrp.com", received.MailFrom);
        Assert.Equal("Les Nessman", received.Message.From.Mailboxes.Single().Name);

        message.SetFrom("", AddressOption.Replace);
        Assert.Empty(message.From);
        message.SetFrom("les@wkrp.com");
        message.SetFrom("", AddressOption.Remove);
        Assert.Empty(message.From);
    }

    [Fact]
    public async Task Sender_IsOneAddress_AndIsTheEnvelopeSender()
    {
        using var message = LoopbackServers.Letter();
        message.SetSender("Secretary <jennifer@wkrp.com>");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal("jennifer@wkrp.com", received.Message.Sender!.Address);
        Assert.Equal("jennifer@wkrp.com", received.MailFrom);
        var list = Assert.Throws<TypedMailException>(() => message.SetSender("a@wkrp.com, b@wkrp.com"));
        Assert.Equal(ErrorCodes.InvalidAddress, list.Code);
        message.SetSender("", AddressOption.Remove);
        Assert.Null(message.Sender);
    }

    [Fact]
    public async Task ReplyTo_Option2_RemovesOnlyTheListedAddresses()
    {
        using var message = LoopbackServers.Letter();
        message.SetReplyTo("bigguy@wkrp.com, andy@wkrp.com, bailey@wkrp.com");
        message.SetReplyTo("ANDY@wkrp.com", AddressOption.Remove);

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal(new[] { "bigguy@wkrp.com", "bailey@wkrp.com" }, received.Message.ReplyTo.Mailboxes.Select(m => m.Address));
        message.SetReplyTo("les@wkrp.com", AddressOption.Replace);
        Assert.Equal("les@wkrp.com", Assert.Single(message.ReplyTo).Address);
    }

    [Fact]
    public async Task IdnDomain_IsAccepted_AndDelivered()
    {
        using var message = LoopbackServers.Letter("Müller <info@bücher.example>");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Single(received.Recipients);
        var to = received.Message.To.Mailboxes.Single();
        Assert.Equal("Müller", to.Name);
        Assert.Equal("bücher.example", to.Domain);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@@wkrp.com")]
    [InlineData("Andy <andy@wkrp.com")]
    [InlineData("andy@")]
    [InlineData("andy@bü--cher..example")]
    public void InvalidAddress_IsRefusedWith12004_AndTheListIsUnchanged(string text)
    {
        using var message = LoopbackServers.Letter();

        var error = Assert.Throws<TypedMailException>(() => message.SetTo(text));

        Assert.Equal(ErrorCodes.InvalidAddress, error.Code);
        Assert.Equal("bigguy@wkrp.com", Assert.Single(message.To).Address);
    }

    [Fact]
    public void LineBreakInAQuotedDisplayName_IsRefusedAsHeaderInjection()
    {
        using var message = new SmtpMessage();

        var error = Assert.Throws<TypedMailException>(() => message.SetTo("\"Andy\r\nBcc: spy@evil.example\" <andy@wkrp.com>"));

        Assert.Equal(ErrorCodes.HeaderInjection, error.Code);
        Assert.Empty(message.To);
    }
}
