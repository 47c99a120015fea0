using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TypedMail.Mailbox.Previews;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// A web inbox on 127.0.0.1 for one or more <see cref="MailboxServer"/>s: the messages they receive, live, each with its
/// HTML (sandboxed), text, headers, raw source, attachments and SMTP session facts; and previews of typed messages.
/// </summary>
/// <example>
/// <code>
/// await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Port = 2525 });
/// await using var inbox = await WebInbox.StartAsync([mailbox], new WebInboxOptions { Port = 5080 });
/// Console.WriteLine($"Inbox: {inbox.Address}");
/// </code>
/// </example>
public sealed class WebInbox : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly InboxView _view;
    private readonly PreviewSource _previews;
    private readonly object _stateGate = new();
    private Task? _stopping;

    private WebInbox(WebApplication app, InboxView view, Uri address, PreviewSource previews, int previewedTypes)
    {
        _app = app;
        _view = view;
        _previews = previews;
        Address = address;
        PreviewedTypes = previewedTypes;
    }

    /// <summary>The inbox's address, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The messages shown (for tests).</summary>
    internal InboxView View => _view;

    /// <summary>The previews and their refresh (for tests).</summary>
    internal PreviewSource Previews => _previews;

    /// <summary>How many message types the Previews page listed at start (a rebuild of a previews assembly refreshes the page).</summary>
    public int PreviewedTypes { get; }

    /// <summary>Starts the inbox for <paramref name="servers"/> and returns once it listens.</summary>
    /// <param name="servers">The SMTP servers whose messages it shows (e.g. one with STARTTLS and one with implicit TLS).</param>
    /// <param name="options">Port, store folder and preview assemblies; null for a free port and no previews.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running inbox; dispose it to stop it (the servers are left running).</returns>
    /// <exception cref="System.IO.FileNotFoundException">A preview assembly path does not exist.</exception>
    public static async Task<WebInbox> StartAsync(IReadOnlyList<MailboxServer> servers, WebInboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servers);
        options ??= new WebInboxOptions();
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The HTTP port must be between 0 and 65535.");
        }

        var previews = PreviewSource.Start(options.PreviewAssemblies, options.PreviewAssemblyPaths);
        var listeners = servers.Select(server => (server, $"{server.Security} on {server.Host}:{server.Port}")).ToArray();
        var view = new InboxView(listeners, options.StoreDirectory);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(WebInbox).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.WebHost.UseShutdownTimeout(ShutdownTimeout);
        builder.Services.AddSingleton<IHostLifetime, DetachedLifetime>();
        builder.Services.AddSingleton(view);
        builder.Services.AddSingleton(previews);
        builder.Services.AddSingleton(new Release.MessageRelay(options.Relay));
        builder.Services.AddSingleton(new Checks.SpamAssassinCheck(options.SpamAssassin));
        builder.Services.AddSingleton(new Checks.DkimCheck(new Checks.SuppliedDkimRecords(options.DkimRecords)));

        var app = builder.Build();
        PageEndpoints.Map(app);
        InboxEndpoints.Map(app);
        PreviewEndpoints.Map(app);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            view.Dispose();
            previews.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebInbox(app, view, new Uri(bound.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"), previews, previews.Current.Types.Count);
    }

    /// <summary>Stops listening and ends the open pages' event streams; safe to call more than once.</summary>
    /// <returns>A task that completes when the inbox has stopped.</returns>
    public Task StopAsync()
    {
        lock (_stateGate)
        {
            return _stopping ??= StopOnceAsync();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    /// <returns>A task that completes when the inbox has stopped.</returns>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopOnceAsync()
    {
        _view.Dispose();
        _previews.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
