using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>The Links tab (<c>GET /api/messages/{id}/links</c>): every link of the HTML body; <see cref="HasHtml"/> false when there is none.</summary>
internal sealed record LinksJson(bool HasHtml, IReadOnlyList<LinkJson> Links);

/// <summary>One link: its URL as written, its text, its scheme (null when it is no absolute URL) and what is wrong with it.</summary>
internal sealed record LinkJson(string Url, string Text, string? Scheme, string? Warning);
