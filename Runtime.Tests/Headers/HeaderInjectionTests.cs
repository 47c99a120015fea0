using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Tests.Headers;
using Xunit.Abstractions;
using static TypedMail.InternetCommands;

namespace TypedMail.Runtime.Tests.Headers;

/// <summary>
/// The injection corpus through every header-setting command of the facade and every header-setting member of
/// <see cref="SmtpMessage"/>: each payload is refused (12004, 12005, or 12010 for a header name), or, once accepted,
/// the message that reaches the Mailbox has exactly the headers, recipients and body of the same message with a
/// harmless value.
/// </summary>
public sealed class HeaderInjectionTests(ITestOutputHelper output) : IDisposable
{
    private const string Victim = "victim2@example.com";
    private const string Harmless = "Harmless <" + Victim + ">";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"typedmail-injection-{Guid.NewGuid():N}.txt");

    [Fact]
    public void The_corpus_has_at_least_50_payloads_of_every_kind()
    {
        Assert.True(InjectionCorpus.Payloads.Count >= 50, $"{InjectionCorpus.Payloads.Count} payloads");
        foreach (var c in new[] { "\r\n", "\r", "\n", "\0", "\u2028", "\u2029", "\u0085", "=?utf-8?q?" })
        {
            Assert.Contains(InjectionCorpus.Payloads, p => p.Contains(c, StringComparison.Ordinal));
        }
    }

    public static TheoryData<string> FacadePaths => new(FacadeCommands.Keys);

    [Theory]
    [MemberData(nameof(FacadePaths))]
    public async Task Facade_command_never_adds_a_header_or_a_recipient(string path)
    {
        File.WriteAllText(_file, "attached");
        var (apply, values) = FacadeCommands[path];
        await using var server = await LoopbackServers.StartAsync();
        var harmless = await SendAsync(server, path, values("harmless"), (id, v) => apply(id, v, _file), expectAccepted: true);
        var (accepted, refused) = (0, 0);
        foreach (var payload in InjectionCorpus.Payloads)
        {
            foreach (var value in values(payload))
            {
                var shape = await SendAsync(server, path, [value], (id, v) => apply(id, v, _file), InjectionCorpus.HasForbiddenCharacter(payload) ? false : null);
                if (shape is null)
                {
                    refused++;
                    continue;
                }

                accepted++;
                shape.AssertSameAs(harmless!, $"{path} with {Show(value)}");
            }
        }

        output.WriteLine($"{path}: {refused} refused, {accepted} accepted and checked on the wire");
        Assert.True(refused > 0, "nothing was refused");
    }

    [Fact]
    public async Task QuickSend_never_adds_a_header_or_a_recipient()
    {
        await using var server = await LoopbackServers.StartAsync();
        int Send(string from, string to, string subject) =>
            SMTP_QuickSend(server.Host, from, to, subject, "Body.", sessionParam: 2, port: server.Port);

        Assert.Equal(0, Send("sender@example.com", Harmless, "harmless"));
        var harmless = WireShape.Of(await Next(server));
        var checkedOnWire = 0;
        foreach (var payload in InjectionCorpus.Payloads)
        {
            var attempts = InjectionCorpus.AsAddresses(payload, Victim).Select(a => (What: "to " + Show(a), Send: (Func<int>)(() => Send("sender@example.com", a, "harmless"))))
                .Concat(InjectionCorpus.AsAddresses(payload, "sender@example.com").Select(a => (What: "from " + Show(a), Send: (Func<int>)(() => Send(a, Harmless, "harmless")))))
                .Append((What: "subject " + Show(payload), Send: () => Send("sender@example.com", Harmless, payload)));
            foreach (var (what, send) in attempts)
            {
                var code = send();
                if (code != 0)
                {
                    Assert.Contains(code, new[] { ErrorCodes.InvalidAddress, ErrorCodes.HeaderInjection });
                    continue;
                }

                Assert.False(InjectionCorpus.HasForbiddenCharacter(payload), what + " was accepted");
                var shape = WireShape.Of(await Next(server));
                if (what.StartsWith("from", StringComparison.Ordinal))
                {
                    Assert.Equal(harmless.EnvelopeRecipients, shape.EnvelopeRecipients);
                    Assert.Equal(harmless.HeaderNames, shape.HeaderNames);
                }
                else
                {
                    shape.AssertSameAs(harmless, what);
                }

                checkedOnWire++;
            }
        }

        output.WriteLine($"SMTP_QuickSend: {checkedOnWire} accepted payloads checked on the wire");
    }

    [Fact]
    public async Task Message_attachment_names_and_ids_never_add_a_header_or_a_part()
    {
        await using var server = await LoopbackServers.StartAsync();
        using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        var members = new Dictionary<string, Action<SmtpMessage, string>>
        {
            ["AddAttachment file name"] = (m, v) => m.AddAttachment(v, [1, 2, 3]),
            ["AddAttachment MIME type"] = (m, v) => m.AddAttachment("a.bin", [1, 2, 3], mimeType: "application/" + v),
            ["AddAttachment content-id"] = (m, v) => m.AddAttachment("a.bin", [1, 2, 3], contentId: v),
        };
        foreach (var (name, apply) in members)
        {
            var harmless = await SendMessageAsync(server, sender, m => apply(m, "harmless"));
            Assert.NotNull(harmless);
            foreach (var payload in InjectionCorpus.Payloads)
            {
                var shape = await SendMessageAsync(server, sender, m => apply(m, payload));
                if (shape is null)
                {
                    continue;
                }

                Assert.False(InjectionCorpus.HasForbiddenCharacter(payload), $"{name} accepted {Show(payload)}");
                shape.AssertSameAs(harmless!, $"{name} with {Show(payload)}");
            }
        }
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>
    /// Each facade path: how it applies a value (to a message that already has a From, a To, a Subject and a body) and
    /// what values a payload gives (itself for text, three address forms for address commands).
    /// </summary>
    private static readonly Dictionary<string, (Func<int, string, string, int> Apply, Func<string, IEnumerable<string>> Values)> FacadeCommands = new()
    {
        ["SMTP_Subject"] = ((id, v, _) => SMTP_Subject(id, v, 1), Text),
        ["SMTP_Comments"] = ((id, v, _) => SMTP_Comments(id, v), Text),
        ["SMTP_Keywords"] = ((id, v, _) => SMTP_Keywords(id, v), Text),
        ["SMTP_References"] = ((id, v, _) => SMTP_References(id, v), Text),
        ["SMTP_InReplyTo"] = ((id, v, _) => SMTP_InReplyTo(id, v), Text),
        ["SMTP_Encrypted"] = ((id, v, _) => SMTP_Encrypted(id, v), Text),
        ["SMTP_AddHeader value"] = ((id, v, _) => SMTP_AddHeader(id, "X-Note", v), Text),
        ["SMTP_AddHeader replace"] = ((id, v, _) => SMTP_AddHeader(id, "X-Note", v, 1), Text),
        ["SMTP_From"] = ((id, v, _) => SMTP_From(id, v), Addresses),
        ["SMTP_Sender"] = ((id, v, _) => SMTP_Sender(id, v), Addresses),
        ["SMTP_ReplyTo"] = ((id, v, _) => SMTP_ReplyTo(id, v), Addresses),
        ["SMTP_To"] = ((id, v, _) => SMTP_To(id, v), Addresses),
        ["SMTP_Cc"] = ((id, v, _) => SMTP_Cc(id, v), Addresses),
        ["SMTP_Bcc"] = ((id, v, _) => SMTP_Bcc(id, v), Addresses),
        ["SMTP_Attachment content-id"] = ((id, v, file) => SMTP_Attachment(id, file, 2, 0, v), Text),
        ["SMTP_Attachment MIME type"] = ((id, v, file) => SMTP_Attachment(id, file, 2, 0, null, "text/" + v), Text),
    };

    private static IEnumerable<string> Text(string payload) => [payload];

    private static IEnumerable<string> Addresses(string payload) =>
        payload == "harmless" ? [Harmless] : InjectionCorpus.AsAddresses(payload, Victim);

    /// <summary>
    /// A facade message with a From, a To, a Subject and a body, then <paramref name="apply"/>: refused (null; the code
    /// must be 12004, 12005 or 12010) or sent with SMTP_Send and read back from the Mailbox.
    /// </summary>
    private static async Task<WireShape?> SendAsync(MailboxServer server, string path, IEnumerable<string> values, Func<int, string, int> apply, bool? expectAccepted)
    {
        Assert.Equal(0, SMTP_New(out var id));
        try
        {
            Assert.True(MessageHandles.TryGet(id, out var message));
            message.Port = server.Port;
            Assert.Equal(0, SMTP_Host(id, server.Host));
            Assert.Equal(0, SMTP_From(id, "sender@example.com"));
            Assert.Equal(0, SMTP_To(id, "victim@example.com"));
            Assert.Equal(0, SMTP_Subject(id, "Hello"));
            Assert.Equal(0, SMTP_Body(id, "Body."));
            foreach (var value in values)
            {
                var code = apply(id, value);
                if (code != 0)
                {
                    Assert.True(expectAccepted != true, $"{path} refused {Show(value)} with {code}");
                    Assert.Contains(code, new[] { ErrorCodes.InvalidAddress, ErrorCodes.HeaderInjection, ErrorCodes.InvalidArgument });
                    return null;
                }

                Assert.True(expectAccepted != false, $"{path} accepted {Show(value)}");
            }

            Assert.Equal(0, SMTP_Send(id, 2));
            return WireShape.Of(await Next(server));
        }
        finally
        {
            SMTP_Clear(ref id);
        }
    }

    private static async Task<WireShape?> SendMessageAsync(MailboxServer server, SmtpSender sender, Action<SmtpMessage> apply)
    {
        using var message = new SmtpMessage();
        message.SetFrom("sender@example.com");
        message.SetTo("victim@example.com");
        message.SetSubject("Hello");
        message.SetBody("Body.");
        try
        {
            apply(message);
        }
        catch (TypedMailException ex)
        {
            Assert.Contains(ex.Code, new[] { ErrorCodes.HeaderInjection, ErrorCodes.InvalidArgument });
            return null;
        }

        var result = await sender.SendAsync(message);
        Assert.True(result.Succeeded, result.ToString());
        return WireShape.Of(await Next(server));
    }

    private static async Task<ReceivedMessage> Next(MailboxServer server)
    {
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        server.Clear();
        return received;
    }

    private static string Show(string value) =>
        "'" + string.Concat(value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString())) + "'";
}
