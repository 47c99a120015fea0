using System;
using System.Linq;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>The inbox keeps a message's bytes and its row, not MimeKit's parsed tree: parsed when a page asks, then let go.</summary>
public sealed class InboxMemoryTests
{
    [Fact]
    public async Task A_message_parsed_for_a_page_is_not_kept_and_is_parsed_again_when_asked()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);
        var document = running.Inbox.View.Find("1")!.Document;

        var parsed = WeakOf(document);
        Assert.True(await CollectedAsync(parsed), "the inbox keeps the parsed message alive");

        var detail = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1");
        Assert.Equal("HTML with the station logo", detail.GetProperty("subject").GetString());
        Assert.Equal("HTML with the station logo", document.Message.Subject);
    }

    [Fact]
    public async Task The_server_parses_a_received_message_only_when_it_is_asked_for()
    {
        await using var server = await MailboxServer.StartAsync(SmtpDelivery.StartTlsWithUser());
        await SmtpDelivery.SendAsync(server, [SampleMessages.Text()]);
        var received = server.Messages.Single();

        Assert.False(IsParsed(received));
        Assert.Equal("Text only: the weekly ratings", received.Message.Subject);
        Assert.True(IsParsed(received));
        Assert.Same(received.Message, received.Message);
    }

    // Not inlined, so no local of the caller holds the parsed message.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakOf(Mailbox.Web.MailDocument document) => new(document.Message);

    private static async Task<bool> CollectedAsync(WeakReference reference)
    {
        for (var attempt = 0; attempt < 20 && reference.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(10);
        }

        return !reference.IsAlive;
    }

    private static bool IsParsed(ReceivedMessage message) => message.IsParsed;
}
