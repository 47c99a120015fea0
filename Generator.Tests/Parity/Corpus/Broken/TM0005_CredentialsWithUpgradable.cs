// expect: TM0005
using TypedMail;

[SmtpServer("smtp.example.com", Port = 587, Auth = AuthMode.Login)]
public partial class Relay;
