using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>What the SMTP session of a received message looked like, as the inbox shows it and keeps it beside a stored .eml.</summary>
internal sealed record SessionJson(
    int? Number,
    string Listener,
    bool Secure,
    bool StartTlsIssued,
    string? TlsProtocol,
    string? AuthMechanism,
    string? AuthenticatedUser,
    IReadOnlyList<string> Commands);
