using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using MimeKit.Cryptography;
using TypedMail.Mailbox;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>
/// Generated messages carry the one-click unsubscribe headers ([Unsubscribe] member or template), signed by a DKIM
/// sender, and an HTML-only body gets its text alternative unless [HtmlBody(TextAlternative = false)].
/// </summary>
public sealed class DeliverabilityLiveTests
{
    private const string Messages = """
        using System;
        using System.Threading.Tasks;
        using TypedMail;

        namespace Radio.Mail;

        [MailMessage(From = "news@wkrp.com", Subject = "WKRP Weekly for {{Name}}", Unsubscribe = "https://wkrp.com/u/{{Token}}", UnsubscribeMailto = "leave+{{Token}}@wkrp.com")]
        [HtmlBody("<p>Hello {{Name}},</p><p>Read <a href=\"https://wkrp.com/news\">the news</a>.</p>")]
        public partial class Weekly
        {
            [To] public required string Email { get; init; }
            public required string Name { get; init; }
            public required string Token { get; init; }
            [Unsubscribe] public Uri? Leave { get; init; }

            public static async Task<SendResult> DeliverAsync(string host, int port, string keyPem, Uri? leave)
            {
                var settings = new SmtpSettings
                {
                    Host = host, Port = port, Mode = SessionMode.NeverTls,
                    Dkim = new DkimSettings { Domain = "wkrp.com", Selector = "weekly", PrivateKeyPem = keyPem },
                };
                using var sender = new SmtpSender(settings);
                return await Create().Email("bailey@wkrp.com").Name("Bailey").Token("t0k3n").Leave(leave).Build().SendAsync(sender);
            }

            public static string Mime() => Create().Email("bailey@wkrp.com").Name("Bailey").Token("t0k3n").Leave(null).Build().ToMimeMessage().ToString();
        }

        [MailMessage(From = "news@wkrp.com", To = "a@wkrp.com", Subject = "HTML only")]
        [HtmlBody("<p>Only HTML</p>", TextAlternative = false)]
        public partial class HtmlOnly
        {
            public static string Mime() => new HtmlOnly().ToMimeMessage().ToString();

            public static string SmtpMime()
            {
                using var message = new HtmlOnly().ToSmtpMessage();
                return message.ToMimeMessage().ToString();
            }
        }

        [MailMessage(From = "news@wkrp.com", To = "a@wkrp.com", Subject = "Bad link", Unsubscribe = "{{Link}}")]
        [TextBody("Hi")]
        public partial class BadLink
        {
            public string Link { get; init; } = "http://wkrp.com/u/1";

            public static string Mime() => new BadLink().ToMimeMessage().ToString();
        }
        """;

    [Fact]
    public async Task TheMemberLink_AndTheMailto_ArriveSigned_AndVerify()
    {
        using var rsa = RSA.Create(2048);
        await using var mailbox = await MailboxServer.StartAsync();
        using var compiled = CompiledAssembly.Compile(new[] { Messages });

        var send = (Task<SendResult>)compiled.Call("Radio.Mail.Weekly", "DeliverAsync", mailbox.Host, mailbox.Port, rsa.ExportRSAPrivateKeyPem(), new Uri("https://wkrp.com/leave/bailey"))!;
        var result = await send.WaitAsync(TimeSpan.FromSeconds(60));
        var received = await mailbox.WaitForMessageAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded, result.ErrorText);
        Assert.Equal("<https://wkrp.com/leave/bailey>, <mailto:leave+t0k3n@wkrp.com>", received.Message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Message.Headers["List-Unsubscribe-Post"]);
        var signature = received.Message.Headers.First(h => h.Id == HeaderId.DkimSignature);
        Assert.Contains("list-unsubscribe:list-unsubscribe-post", string.Concat(signature.Value.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
        var verifier = new DkimVerifier(new OneKey("weekly", "wkrp.com", "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())));
        Assert.True(verifier.Verify(received.Message, signature), "MimeKit's DkimVerifier rejected the signature of a generated message.");
        var alternative = Assert.IsType<MultipartAlternative>(received.Message.Body);
        Assert.Equal("Hello Bailey,\n\nRead the news (https://wkrp.com/news).\n", alternative.TextBody?.Replace("\r\n", "\n"));
    }

    [Fact]
    public void WithoutAMemberLink_TheTemplateLinkIsUsed_InToMimeMessageToo()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Messages });

        var mime = MimeMessage.Load(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes((string)compiled.Call("Radio.Mail.Weekly", "Mime")!)));

        Assert.Equal("<https://wkrp.com/u/t0k3n>, <mailto:leave+t0k3n@wkrp.com>", mime.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Read the news (https://wkrp.com/news).", Assert.IsType<MultipartAlternative>(mime.Body).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAlternativeFalse_KeepsTheHtmlAlone_InBothRenderings()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Messages });

        foreach (var method in new[] { "Mime", "SmtpMime" })
        {
            var mime = MimeMessage.Load(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes((string)compiled.Call("Radio.Mail.HtmlOnly", method)!)));
            Assert.True(Assert.IsType<TextPart>(mime.Body).IsHtml, method);
        }
    }

    [Fact]
    public void AnHttpLinkFromAPlaceholder_IsRefusedWhenRendered()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Messages });

        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => compiled.Call("Radio.Mail.BadLink", "Mime"));

        var refused = Assert.IsType<TypedMailException>(error.InnerException);
        Assert.Equal(ErrorCodes.InvalidArgument, refused.Code);
        Assert.Contains("not https", refused.Message, StringComparison.Ordinal);
    }

    private sealed class OneKey(string selector, string domain, string record) : DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain_, string selector_, CancellationToken cancellationToken = default) =>
            selector_ == selector && domain_ == domain ? GetPublicKey(record) : throw new InvalidOperationException($"no key for {selector_}._domainkey.{domain_}");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain_, string selector_, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain_, selector_, cancellationToken));
    }
}
