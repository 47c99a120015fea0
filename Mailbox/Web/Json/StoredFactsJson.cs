using System;
using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>The facts of a received message that its .eml cannot hold, written beside it so a restart shows them again.</summary>
internal sealed record StoredFactsJson(DateTimeOffset ReceivedAt, string MailFrom, IReadOnlyList<string> Recipients, SessionJson Session);
