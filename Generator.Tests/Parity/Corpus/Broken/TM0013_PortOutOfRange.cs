// expect: TM0013
using TypedMail;

[SmtpServer("smtp.example.com", Port = 70000, Mode = SessionMode.ImplicitTls)]
public partial class Relay;
