using System;
using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>One line of the inbox list (<c>GET /api/messages</c>).</summary>
internal sealed record MessageSummaryJson(
    string Id,
    DateTimeOffset ReceivedAt,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    int Size,
    int Attachments,
    SessionBadgesJson Session);
