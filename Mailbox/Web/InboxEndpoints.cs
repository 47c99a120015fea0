using System.Collections.Generic;
using System.Globalization;
using TypedMail.Mailbox.Web.Json;
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

    /// <summary>The page size when <c>take</c> is not given (the page's own).</summary>
    public const int DefaultTake = 50;

    /// <summary>The largest page: an answer stays proportional to what a page shows, whatever the inbox holds.</summary>
    public const int MaxTake = 1000;

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(ApiBase);
        api.MapGet("", (HttpContext context, InboxView view, string? q, string? skip, string? take) =>
        {
            if (!PageBound(skip, "skip", 0, int.MaxValue, 0, out var from, out var problem)
                || !PageBound(take, "take", 1, MaxTake, DefaultTake, out var count, out problem))
            {
                return problem;
            }

            var (page, total) = view.Page(InboxQuery.Parse(q), from, count);
            context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
            return Results.Ok(page.Select(DocumentJson.Summary).ToArray());
        });
        api.MapGet("/{id}", (InboxView view, string id) =>
            view.Find(id) is { } entry ? Results.Ok(DocumentJson.Detail(entry, ApiBase)) : DocumentEndpoints.Missing(id));
        api.MapPost("/{id}/release", ReleaseAsync);
        app.MapGet("/api/relay", (Release.MessageRelay relay) => new RelayJson(relay.Address is not null, relay.Address));
        api.MapDelete("/{id}", (InboxView view, string id) => view.Remove(id) ? Results.NoContent() : DocumentEndpoints.Missing(id));
        api.MapDelete("", (InboxView view) =>
        {
            view.Clear();
            return Results.NoContent();
        });
        DocumentEndpoints.Map(api, ApiBase, (context, id) => context.RequestServices.GetRequiredService<InboxView>().Find(id)?.Document);

        app.MapGet("/api/events", (InboxView view, IHostApplicationLifetime lifetime, CancellationToken aborted) =>
            TypedResults.ServerSentEvents(Changes(view, lifetime.ApplicationStopping, aborted), "changed"));
    }

    private static async System.Threading.Tasks.Task<IResult> ReleaseAsync(HttpContext context, InboxView view, Release.MessageRelay relay, string id, CancellationToken aborted)
    {
        if (view.Find(id) is not { } entry)
        {
            return DocumentEndpoints.Missing(id);
        }

        if (relay.Address is null)
        {
            return Results.Problem("No relay is configured: start the inbox with --relay host:port (and --relay-mode, --relay-user as the server needs).", statusCode: StatusCodes.Status409Conflict);
        }

        ReleaseRequestJson? request = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                request = await context.Request.ReadFromJsonAsync<ReleaseRequestJson>(aborted).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException exception)
            {
                return Results.Problem($"The release request is not JSON of the form {{\"to\": [\"address\"]}}: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        var to = (request?.To ?? []).Where(address => !string.IsNullOrWhiteSpace(address)).Select(address => address.Trim()).ToArray();
        var bad = to.FirstOrDefault(address => !MimeKit.MailboxAddress.TryParse(address, out _));
        if (bad is not null)
        {
            return Results.Problem($"'{bad}' is not an e-mail address.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var released = await relay.ReleaseAsync(entry, to, aborted).ConfigureAwait(false);
            return released.Sent
                ? Results.Ok(released)
                : Results.Json(released, statusCode: StatusCodes.Status502BadGateway);
        }
        catch (Release.ReleaseRefusedException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static bool PageBound(string? given, string name, int min, int max, int fallback, out int value, out IResult problem)
    {
        problem = Results.Empty;
        if (given is null)
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = Results.Problem($"The query parameter '{name}' is '{given}': it must be a whole number from {min} to {max}.", statusCode: StatusCodes.Status400BadRequest);
        return false;
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
