using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TypedMail.Mailbox.Previews;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web;

/// <summary>The previews API: the catalog, and each rendered sample as a document like a received message.</summary>
internal static class PreviewEndpoints
{
    public const string ApiBase = "/api/previews";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(ApiBase);
        api.MapGet("", (PreviewSource previews) => new PreviewCatalogJson(previews.Current.Types.Select(Type).ToArray(), previews.Version, previews.ReloadError));
        api.MapGet("/{id}", (PreviewSource previews, string id) =>
        {
            var preview = previews.Current.Find(id);
            if (preview is null)
            {
                return Results.Problem($"There is no preview '{id}'.", statusCode: StatusCodes.Status404NotFound);
            }

            if (preview.Document is null)
            {
                return Results.Problem(preview.Error, statusCode: StatusCodes.Status500InternalServerError, title: $"The preview {preview.Name} could not be rendered");
            }

            var source = new PreviewSourceJson(preview.MessageType, preview.Name, preview.Member);
            return Results.Ok(DocumentJson.Detail(preview.Document, "preview", ApiBase, null, null, null, source));
        });
        DocumentEndpoints.Map(api, ApiBase, (context, id) => context.RequestServices.GetRequiredService<PreviewSource>().Current.Find(id)?.Document);
        app.MapGet("/api/previews-events", (PreviewSource previews, IHostApplicationLifetime lifetime, CancellationToken aborted) =>
            TypedResults.ServerSentEvents(Changes(previews, lifetime.ApplicationStopping, aborted), "changed"));
    }

    // The previews' version now, then each new one (after a rebuild); ends when the client leaves or the inbox stops.
    private static async IAsyncEnumerable<int> Changes(PreviewSource previews, CancellationToken stopping, [EnumeratorCancellation] CancellationToken aborted)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted);
        var version = previews.Version;
        yield return version;
        while (true)
        {
            try
            {
                version = await previews.WaitForChangeAsync(version, ended.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            yield return version;
        }
    }

    private static PreviewedTypeJson Type(PreviewedType type) =>
        new(type.MessageType, type.Assembly, type.Previews.Select(Preview).ToArray());

    private static PreviewJson Preview(PreviewEntry preview) => new(
        preview.Id,
        preview.Name,
        preview.Member,
        preview.Document?.Message.Subject,
        preview.Document?.Message.To.Select(address => address.ToString()).ToArray() ?? [],
        preview.Error,
        preview.Document is null ? null : $"/previews/{preview.Id}");
}
