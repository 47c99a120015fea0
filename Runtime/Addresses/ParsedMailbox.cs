namespace TypedMail;

/// <summary>A mailbox read by <see cref="AddressSyntax"/>: an optional display name and an addr-spec.</summary>
/// <param name="DisplayName">The display name without quotes or escapes, or <see langword="null"/>.</param>
/// <param name="LocalPart">The local part as written (quoted local parts keep their quotes).</param>
/// <param name="Domain">The domain as written (an IDN domain stays in Unicode).</param>
public sealed record ParsedMailbox(string? DisplayName, string LocalPart, string Domain)
{
    /// <summary>The addr-spec, <c>local@domain</c>.</summary>
    public string Address => LocalPart + "@" + Domain;
}
