using TypedMail;

namespace StartTlsSubmission;

/// <summary>
/// The second example of 4D's SMTP_Send documentation as a typed server: Exchange's submission port, STARTTLS, AUTH LOGIN. The credentials
/// come at run time (environment variables or user secrets), never from literals.
/// </summary>
[SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.Upgradable, Auth = AuthMode.Login)]
public partial class CompanyRelay;
