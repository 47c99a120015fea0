using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TypedMail.Mailbox.Web;

/// <summary>The received-message API: list, one message, delete all, and a stream of change events for live pages.</summary>
internal static class InboxEndpoints
{
    public const string ApiBase = "/api/messages";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(ApiBase);
        api.MapGet("", (InboxView view) => view.Entries.Select(DocumentJson.Summary).ToArray());
        api.MapGet("/{id}", (InboxView view, string id) =>
            view.Find(id) is { } entry ? Results.Ok(DocumentJson.Detail(entry, ApiBase)) : DocumentEndpoints.Missing(id));
        api.MapDelete("", (InboxView view) =>
        {
            view.Clear();
            return Results.NoContent();
        });
        DocumentEndpoints.Map(api, ApiBase, (context, id) => context.RequestServices.GetRequiredService<InboxView>().Find(id)?.Document);

        app.MapGet("/api/events", (InboxView view, IHostApplicationLifetime lifetime, CancellationToken aborted) =>
            TypedResults.ServerSentEvents(Changes(view, lifetime.ApplicationStopping, aborted), "changed"));
    }

    // The inbox's version now, then each new one; ends when the client leaves or the inbox stops.
    private static async IAsyncEnumerable<int> Changes(InboxView view, CancellationToken stopping, [EnumeratorCancellation] CancellationToken aborted)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted);
        var version = view.Version;
        yield return version;
        while (await NextAsync(view, version, ended.Token).ConfigureAwait(false) is int next)
        {
            version = next;
            yield return version;
        }
    }

    private static async System.Threading.Tasks.Task<int?> NextAsync(InboxView view, int version, CancellationToken ended)
    {
        try
        {
            return await view.WaitForChangeAsync(version, ended).ConfigureAwait(false);
        }
        catch (System.OperationCanceledException)
        {
            return null;
        }
    }
}
