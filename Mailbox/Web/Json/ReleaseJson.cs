using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>
/// What <c>POST /api/messages/{id}/release</c> did: the relay, the envelope used, and TypedMail's result (code 0 when
/// sent; otherwise the code of the library's error table and its text).
/// </summary>
internal sealed record ReleaseJson(string Relay, string MailFrom, IReadOnlyList<string> Recipients, bool Sent, int Code, string? Error);

/// <summary>The body of a release request: the recipients to send to, or none for the message's own envelope recipients.</summary>
internal sealed record ReleaseRequestJson(IReadOnlyList<string>? To);

/// <summary><c>GET /api/relay</c>: whether Release is available, and where it sends.</summary>
internal sealed record RelayJson(bool Configured, string? Address);
