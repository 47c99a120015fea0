// expect: TM0012
using TypedMail;

public static class Configuration
{
    public static SmtpSettings Create(string user) => new SmtpSettings { Host = "h.example.com", Port = 465, Mode = SessionMode.ImplicitTls, UserName = user, Password = "hunter2" };
}
