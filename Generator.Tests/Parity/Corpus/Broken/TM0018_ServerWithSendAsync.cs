// expect: TM0018
using TypedMail;

[SmtpServer("smtp.example.com", Mode = SessionMode.ImplicitTls)]
public partial class Relay
{
    public System.Threading.Tasks.Task SendAsync() => System.Threading.Tasks.Task.CompletedTask;
}
