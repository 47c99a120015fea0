using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>
/// The Previews page (<c>GET /api/previews</c>): every message type and its samples; <see cref="Version"/> grows at each
/// rebuild of a previews assembly, and <see cref="ReloadError"/> says why the last rebuild could not be loaded.
/// </summary>
internal sealed record PreviewCatalogJson(IReadOnlyList<PreviewedTypeJson> Types, int Version, string? ReloadError);

/// <summary>A message type; <see cref="Previews"/> is empty when it has no <c>[PreviewData]</c> member.</summary>
internal sealed record PreviewedTypeJson(string MessageType, string Assembly, IReadOnlyList<PreviewJson> Previews);

/// <summary>One sample: its page, or why it could not be rendered.</summary>
internal sealed record PreviewJson(string Id, string Name, string Member, string? Subject, IReadOnlyList<string> To, string? Error, string? Url);
