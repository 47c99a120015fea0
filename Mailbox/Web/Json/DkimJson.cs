using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>The DKIM tab (<c>GET /api/messages/{id}/dkim</c>): each DKIM-Signature of the message, verified; empty when it has none.</summary>
internal sealed record DkimJson(IReadOnlyList<DkimSignatureJson> Signatures);

/// <summary>
/// One signature: its domain (<c>d=</c>), selector (<c>s=</c>), algorithm (<c>a=</c>) and signed headers (<c>h=</c>), and
/// <see cref="Result"/> "pass", "fail", "no-key" (no record was given for it) or "error" (a malformed signature or key),
/// explained in <see cref="Detail"/>.
/// </summary>
internal sealed record DkimSignatureJson(string Domain, string Selector, string Algorithm, string SignedHeaders, string Result, string Detail);
