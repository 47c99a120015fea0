using TypedMail;

namespace BrokenBuild;

// The deliberate mistake: STARTTLS must not start on port 25 (TM0002). Do not fix it: the test needs the failure.
[SmtpServer("exchange.example.com", Port = 25, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
public partial class CompanyRelay;
