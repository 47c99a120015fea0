// expect: TM0018
using TypedMail;

[SmtpServer(null!, Mode = SessionMode.ImplicitTls)]
public partial class Relay;
