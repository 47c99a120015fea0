using System;
using System.Linq;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Signing;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Unsubscribe;

/// <summary>One-click unsubscribe (RFC 8058) at run time: the two headers as they arrive, signed, and bad links refused.</summary>
public sealed class ListUnsubscribeTests
{
    [Fact]
    public async Task HttpsLinkAndMailto_ArriveAsBothHeaders_CoveredByTheDkimSignature()
    {
        using var message = LoopbackServers.Letter();
        message.SetUnsubscribe(new Uri("https://wkrp.com/unsubscribe/8f3a2c?list=weekly"), "unsubscribe@wkrp.com");
        await using var server = await LoopbackServers.StartAsync();
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        settings.Dkim = DkimTestKey.Rsa.Settings();
        await using var sender = new SmtpSender(settings);

        Assert.True((await sender.SendAsync(message)).Succeeded);

        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal("<https://wkrp.com/unsubscribe/8f3a2c?list=weekly>, <mailto:unsubscribe@wkrp.com>", received.Message.Headers[ListUnsubscribe.HeaderName]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Message.Headers[ListUnsubscribe.PostHeaderName]);
        var signed = received.Message.Headers.First(h => h.Id == HeaderId.DkimSignature).Value.ToLowerInvariant();
        Assert.Contains("list-unsubscribe:list-unsubscribe-post", string.Concat(signed.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
        Assert.True(DkimReceiver.VerifiesWithMimeKit(received.RawMime, DkimTestKey.Rsa.DnsRecord));
    }

    [Fact]
    public void SetAgain_Replaces_AndNullRemoves()
    {
        using var message = LoopbackServers.Letter();
        message.SetUnsubscribe(new Uri("https://wkrp.com/u/1"));
        message.SetUnsubscribe(new Uri("https://wkrp.com/u/2"));

        Assert.Equal(new[] { "<https://wkrp.com/u/2>" }, message.HeaderValues("List-Unsubscribe"));
        Assert.Single(message.HeaderValues("List-Unsubscribe-Post"));

        message.SetUnsubscribe(null, "mailto:leave@wkrp.com?subject=unsubscribe");
        Assert.Equal(new[] { "<mailto:leave@wkrp.com?subject=unsubscribe>" }, message.HeaderValues("List-Unsubscribe"));
        Assert.Empty(message.HeaderValues("List-Unsubscribe-Post"));

        message.SetUnsubscribe(null);
        Assert.Empty(message.HeaderValues("List-Unsubscribe"));
        Assert.DoesNotContain(message.ToMimeMessage().Headers, h => h.Field.StartsWith("List-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://wkrp.com/unsubscribe/1", "not https")]
    [InlineData("ftp://wkrp.com/unsubscribe", "not https")]
    [InlineData("/unsubscribe/1", "not an absolute URI")]
    [InlineData("https://wkrp.com/u\r\nBcc: everyone@example.com", "line break")]
    public void ALinkThatIsNotHttps_IsRefused_WithTheReason(string link, string reason)
    {
        var error = Assert.Throws<TypedMailException>(() => ListUnsubscribe.Link(link));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(error.Code is ErrorCodes.InvalidArgument or ErrorCodes.HeaderInjection);
    }

    [Fact]
    public void HttpUri_IsRefusedBySetUnsubscribe_WithNothingChanged()
    {
        using var message = LoopbackServers.Letter();
        message.SetUnsubscribe(new Uri("https://wkrp.com/u/1"));

        var error = Assert.Throws<TypedMailException>(() => message.SetUnsubscribe(new Uri("http://wkrp.com/u/1")));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("RFC 8058", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "<https://wkrp.com/u/1>" }, message.HeaderValues("List-Unsubscribe"));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("mailto:")]
    [InlineData("Les <les@wkrp.com>")]
    public void ABadMailto_IsRefused(string mailto)
    {
        var error = Assert.Throws<TypedMailException>(() => ListUnsubscribe.HeaderValue(new Uri("https://wkrp.com/u/1"), mailto));

        Assert.Equal(ErrorCodes.InvalidAddress, error.Code);
    }

    [Fact]
    public void Apply_SetsBothHeadersOnAMimeMessage_ReplacingEarlierOnes()
    {
        var message = new MimeMessage();
        message.Headers.Add("List-Unsubscribe", "<https://old.example/>");

        ListUnsubscribe.Apply(message.Headers, new Uri("https://wkrp.com/u/9"));

        Assert.Equal("<https://wkrp.com/u/9>", Assert.Single(message.Headers, h => h.Field == "List-Unsubscribe").Value);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }
}
