// expect: TM0003
using TypedMail;

[SmtpServer("smtp.example.com", Port = 587, Mode = SessionMode.ImplicitTls)]
public partial class Relay;
