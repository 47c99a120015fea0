using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Tests.Headers;
using Xunit.Abstractions;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>
/// The injection corpus through a compiled generated message: in a placeholder of the Subject and of a [Header], and in
/// [To], [Cc] and [ReplyTo] members. Both ways out are checked on the Mailbox's wire: the generated
/// <c>ToMimeMessage()</c> sent as MIME, and the generated message sent through <c>SmtpSender</c> (its
/// <c>ToSmtpMessage()</c>). A payload is refused (TypedMailException 12004/12005, the same both ways) or arrives with the
/// headers, recipients and body of the same message with a harmless value.
/// </summary>
public sealed class GeneratedInjectionTests(ITestOutputHelper output)
{
    private const string Probe = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "sender@example.com", Subject = "Re: {{Topic}}")]
        [TextBody("Body.")]
        [Header("X-Topic", "topic {{Topic}}")]
        public partial class Probe
        {
            [To] public required string Email { get; init; }
            public required string Topic { get; init; }
            [Cc] public string? Watcher { get; set; }
            [ReplyTo] public string? Agent { get; set; }
        }
        """;

    private const string Victim = "victim2@example.com";
    private const string Harmless = "Harmless <" + Victim + ">";

    [Theory]
    [InlineData("Topic")]
    [InlineData("Email")]
    [InlineData("Watcher")]
    [InlineData("Agent")]
    public async Task A_generated_message_never_adds_a_header_or_a_recipient(string member)
    {
        using var compiled = CompiledAssembly.Compile([Probe]);
        await using var server = await MailboxServer.StartAsync();
        using var sender = new SmtpSender(new SmtpSettings { Host = server.Host, Port = server.Port, Mode = SessionMode.NeverTls, TimeoutSeconds = 15 });
        ITypedMailMessage Build(string value) => (ITypedMailMessage)compiled.Build("Shop.Mail.Probe",
            ("Email", member == "Email" ? value : "victim@example.com"),
            ("Topic", member == "Topic" ? value : "harmless"),
            ("Watcher", member == "Watcher" ? value : Harmless),
            ("Agent", member == "Agent" ? value : "agent@example.com"));

        var harmless = await SendBothWaysAsync(server, sender, Build(member == "Topic" ? "harmless" : Harmless));
        Assert.NotNull(harmless);
        var (refused, accepted) = (0, 0);
        foreach (var payload in InjectionCorpus.Payloads)
        {
            foreach (var value in member == "Topic" ? [payload] : InjectionCorpus.AsAddresses(payload, Victim))
            {
                var shape = await SendBothWaysAsync(server, sender, Build(value));
                if (shape is null)
                {
                    refused++;
                    continue;
                }

                Assert.False(InjectionCorpus.HasForbiddenCharacter(payload), $"{member} accepted a forbidden character");
                shape.AssertSameAs(harmless, $"{member} = {value}");
                accepted++;
            }
        }

        output.WriteLine($"{member}: {refused} refused, {accepted} accepted and checked on the wire (both ways)");
        Assert.True(refused > 0);
    }

    /// <summary>Sends the MIME of ToMimeMessage() and the message through SmtpSender; both refuse alike or arrive alike.</summary>
    private static async Task<WireShape?> SendBothWaysAsync(MailboxServer server, SmtpSender sender, ITypedMailMessage message)
    {
        MimeKit.MimeMessage mime;
        try
        {
            mime = message.ToMimeMessage();
        }
        catch (TypedMailException ex)
        {
            Assert.Contains(ex.Code, new[] { ErrorCodes.InvalidAddress, ErrorCodes.HeaderInjection });
            var refused = await Assert.ThrowsAsync<TypedMailException>(() => sender.SendAsync(message));
            Assert.Equal(ex.Code, refused.Code);
            return null;
        }

        var direct = await sender.SendAsync(mime);
        Assert.True(direct.Succeeded, direct.ToString());
        var viaReference = await sender.SendAsync(message);
        Assert.True(viaReference.Succeeded, viaReference.ToString());
        var received = await server.WaitForMessagesAsync(2, TimeSpan.FromSeconds(15));
        server.Clear();
        var first = WireShape.Of(received[0]);
        WireShape.Of(received[1]).AssertSameAs(first, "ToSmtpMessage() against ToMimeMessage()");
        return first;
    }
}
