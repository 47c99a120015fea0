// expect: TM0002
using TypedMail;

[SmtpServer("smtp.example.com", Port = 25, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
public partial class Relay;
