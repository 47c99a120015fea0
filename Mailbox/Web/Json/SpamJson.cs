using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>
/// The SpamAssassin tab (<c>GET /api/messages/{id}/spam</c>): the score, the threshold from which SpamAssassin calls a
/// message spam, and each rule that fired; or, when <see cref="Available"/> is false or the run failed, why not (<see cref="Detail"/>).
/// </summary>
internal sealed record SpamJson(bool Available, double? Score, double? Threshold, bool? IsSpam, IReadOnlyList<SpamRuleJson> Rules, string? Detail)
{
    public static SpamJson Missing(string why) => new(false, null, null, null, [], why);

    public static SpamJson Failed(string why) => new(true, null, null, null, [], why);
}

/// <summary>A rule that fired, with its points (negative ones count in the message's favour).</summary>
internal sealed record SpamRuleJson(string Name, double Points, string Description);
