namespace TypedMail;

/// <summary>What the server answered to one envelope recipient (RCPT TO).</summary>
/// <param name="Address">The recipient's address.</param>
/// <param name="Accepted">Whether the server accepted it.</param>
/// <param name="SmtpStatus">The reply code (e.g. 250 or 550), or <see langword="null"/> when it was never asked.</param>
/// <param name="ServerText">The server's reply text.</param>
public sealed record RecipientOutcome(string Address, bool Accepted, int? SmtpStatus, string? ServerText)
{
    /// <summary>Whether RCPT TO was answered for this recipient; false when the transaction stopped before (e.g. MAIL FROM refused).</summary>
    public bool Attempted => SmtpStatus is not null;
}
