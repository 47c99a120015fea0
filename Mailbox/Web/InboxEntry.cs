using System;
using System.Collections.Generic;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// A received message as the inbox lists it: the document, its envelope and its session's facts; and, for one received in
/// this run, the server that keeps it (null for one loaded from the store folder).
/// </summary>
internal sealed record InboxEntry(
    MailDocument Document,
    DateTimeOffset ReceivedAt,
    string MailFrom,
    IReadOnlyList<string> Recipients,
    SessionJson Session,
    string? EmlPath,
    InboxRow Row,
    (MailboxServer Server, ReceivedMessage Message)? Origin = null);
