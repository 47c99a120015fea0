using TypedMail;

public static class Configuration
{
    public static SmtpSender Create(string user, string password)
    {
        var settings = new SmtpSettings { Host = "smtp.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login };
        settings.UserName = user;
        settings.Password = password;
        return new SmtpSender(settings);
    }
}
