using TypedMail;

namespace StartTlsSubmission;

/// <summary>
/// The message of the second example of 4D's SMTP_Send documentation. From is a constant of the type: to send through your own server, write the
/// address your account may send as here.
/// </summary>
[MailMessage(From = "herb_tarlick@wkrp.com", Subject = "STARTTLS test")]
[TextBody("Sent with STARTTLS at {{SentAt:u}}.")]
public partial class StartTlsTest
{
    /// <summary>The recipient.</summary>
    [To]
    public required string Email { get; init; }

    /// <summary>When the test was sent.</summary>
    public DateTimeOffset SentAt { get; init; } = DateTimeOffset.UtcNow;
}
