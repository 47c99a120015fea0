using System;
using System.Net.Http;
using System.Threading.Tasks;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>A STARTTLS mailbox with a user, and its web inbox on free loopback ports, stopped together.</summary>
internal sealed class RunningInbox : IAsyncDisposable
{
    private RunningInbox(MailboxServer server, WebInbox inbox)
    {
        Server = server;
        Inbox = inbox;
        Http = new HttpClient { BaseAddress = inbox.Address };
    }

    public MailboxServer Server { get; }

    public WebInbox Inbox { get; }

    public HttpClient Http { get; }

    public Uri Url(string path) => new(Inbox.Address, path);

    public static async Task<RunningInbox> StartAsync(WebInboxOptions? options = null)
    {
        var server = await MailboxServer.StartAsync(SmtpDelivery.StartTlsWithUser());
        var inbox = await WebInbox.StartAsync([server], options);
        return new RunningInbox(server, inbox);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Inbox.DisposeAsync();
        await Server.DisposeAsync();
    }
}
