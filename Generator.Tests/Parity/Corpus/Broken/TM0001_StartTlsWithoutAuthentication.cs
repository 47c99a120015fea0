// expect: TM0001
using TypedMail;

[SmtpServer("smtp.example.com", Port = 587, Mode = SessionMode.RequireStartTls)]
public partial class Relay;
