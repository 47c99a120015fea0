// expect: TM0004
using TypedMail;

public static class Configuration
{
    public static SmtpSettings Create(string user) => new SmtpSettings { Host = "h.example.com", Port = 2525, Mode = SessionMode.NeverTls, UserName = user };
}
