using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>The envelope of a received message: MAIL FROM and each RCPT TO, the ones in no To or Cc header marked Bcc-only.</summary>
internal sealed record EnvelopeJson(string MailFrom, IReadOnlyList<EnvelopeRecipientJson> Recipients);

/// <summary>One RCPT TO address.</summary>
internal sealed record EnvelopeRecipientJson(string Address, bool BccOnly);
