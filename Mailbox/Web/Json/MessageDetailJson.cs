using System;
using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>
/// One message or preview (<c>GET /api/messages/{id}</c>, <c>GET /api/previews/{id}</c>): what its page shows, with the
/// URLs of its raw source, its HTML body (sandboxed) and its parts.
/// </summary>
internal sealed record MessageDetailJson(
    string Id,
    string Kind,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    DateTimeOffset? Date,
    DateTimeOffset? ReceivedAt,
    int Size,
    IReadOnlyList<HeaderJson> Headers,
    string? Text,
    string? HtmlUrl,
    string RawUrl,
    IReadOnlyList<PartJson> Attachments,
    EnvelopeJson? Envelope,
    SessionJson? Session,
    PreviewSourceJson? Preview);

/// <summary>A header as it appears in the message, in order.</summary>
internal sealed record HeaderJson(string Name, string Value);

/// <summary>An attachment or inline resource, with its download URL.</summary>
internal sealed record PartJson(int Index, string FileName, string ContentType, long Size, string? ContentId, bool Inline, string Url);

/// <summary>Where a preview came from: its message type and the <c>[PreviewData]</c> member.</summary>
internal sealed record PreviewSourceJson(string MessageType, string Name, string Member);
